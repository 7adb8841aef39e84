package import Foundation

/// A URL's origin (RFC 6454): scheme, host and port. Credentials are sent only to the origin they were made for.
///
/// `https://api.github.com` and `https://api.github.com:443/x` share an origin; `http://…`, another port, or
/// another spelling of the host (`localhost` against `127.0.0.1`) do not.
package struct Origin: Sendable, Hashable, CustomStringConvertible {
    /// Lower-cased, e.g. `https`.
    package var scheme: String
    /// Lower-cased, e.g. `api.github.com`.
    package var host: String
    /// The explicit port, or the scheme's default (80 for `http`, 443 for `https`); `nil` when neither is known.
    package var port: Int?

    /// The origin of `url`, or `nil` when it has no scheme or no host (a relative URL, `file:`).
    package init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        self.scheme = scheme
        self.host = host
        self.port = url.port ?? Self.defaultPort(scheme)
    }

    /// Whether the origin speaks HTTP (`http` or `https`), the only schemes a redirect may lead to.
    package var isHTTP: Bool { scheme == "http" || scheme == "https" }

    package var description: String {
        let suffix = port.map { $0 == Self.defaultPort(scheme) ? "" : ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(suffix)"
    }

    private static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "http": 80
        case "https": 443
        default: nil
        }
    }
}
