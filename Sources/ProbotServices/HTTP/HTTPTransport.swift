package import Foundation

/// An HTTP request as the adapters build it.
package struct TransportRequest: Sendable, Equatable {
    package var method: String
    package var url: URL
    package var headers: [String: String]
    package var body: Data?
    /// Seconds before the request is abandoned; `nil` keeps the transport's default.
    package var timeout: TimeInterval?
    /// Names of headers that carry credentials besides ``standardCredentialHeaders`` (any case): none of them
    /// follows a redirect to another origin.
    package var credentialHeaders: Set<String>

    /// Headers that are always credentials: `Authorization`, `Proxy-Authorization`, `Cookie` and Azure's `api-key`.
    package static let standardCredentialHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "api-key",
    ]

    /// Memberwise initialiser.
    package init(
        method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval? = nil,
        credentialHeaders: Set<String> = []
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.credentialHeaders = credentialHeaders
    }

    /// Whether the header `name` carries a credential (a standard one, or one this request marks).
    package func isCredential(_ name: String) -> Bool {
        let name = name.lowercased()
        return Self.standardCredentialHeaders.contains(name) || credentialHeaders.contains { $0.lowercased() == name }
    }
}

/// An HTTP response with header names lower-cased.
package struct TransportResponse: Sendable, Equatable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data

    /// Memberwise initialiser; header names are lower-cased.
    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    /// A header by case-insensitive name.
    package func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body as UTF-8 text, for messages.
    package var text: String { String(decoding: body, as: UTF8.self) }
}

/// The one HTTP seam: `URLSession` in production, closures and loopback servers in tests.
package protocol HTTPTransport: Sendable {
    /// Sends `request` and returns whatever status the server answered; throws only for transport failures.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
