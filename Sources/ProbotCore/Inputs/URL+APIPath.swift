package import Foundation

extension URL {
    /// `self` joined with `path` (which may carry a query) without doubling or dropping the `/` between them.
    package func appendingAPIPath(_ path: String) -> URL {
        var base = absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + (path.hasPrefix("/") ? path : "/" + path)) ?? self
    }
}
