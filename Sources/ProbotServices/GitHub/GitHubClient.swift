package import Foundation
package import Logging
import ProbotCore

/// GitHub's REST API: the headers every call needs, JSON coding, `Link` pagination and error decoding.
package struct GitHubClient: Sendable {
    /// `GITHUB_API_URL`, e.g. `https://api.github.com` or `https://HOST/api/v3`.
    package var baseURL: URL
    package var token: String
    package var transport: any HTTPTransport
    package var logger: Logger
    /// Applied to every request body, so no credential of the run is ever posted to GitHub, whole or in part.
    package var redactor: SecretRedactor

    /// Memberwise initialiser; the token is always among the redacted secrets.
    package init(
        baseURL: URL, token: String, transport: any HTTPTransport, logger: Logger,
        redactor: SecretRedactor = SecretRedactor([])
    ) {
        self.baseURL = baseURL
        self.token = token
        self.transport = transport
        self.logger = logger
        self.redactor = redactor.adding([token])
    }

    /// Most pages followed for one listing (3,000 files at 100 per page, with margin).
    package static let pageLimit = 50

    /// `baseURL` + `path` (which may carry a query).
    package func url(_ path: String) -> URL {
        baseURL.appendingAPIPath(path)
    }

    /// Sends a request with GitHub's headers and returns the raw response (any status).
    package func send(
        _ method: String, _ url: URL, body: Data? = nil, accept: String = "application/vnd.github+json"
    ) async throws -> TransportResponse {
        var headers = [
            "Accept": accept,
            "Authorization": "Bearer \(token)",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "chatgpt-probot",
        ]
        if body != nil { headers["Content-Type"] = "application/json" }
        // JSON writes a credential's characters (letters, digits, `-`, `_`, `.`) as they are, so redacting the
        // encoded text finds every copy of one, whichever field or string it is in.
        let sent = body.map { Data(redactor.redact(String(decoding: $0, as: UTF8.self)).utf8) }
        let response = try await transport.send(
            TransportRequest(method: method, url: url, headers: headers, body: sent))
        logger.debug(
            "GitHub \(method) \(url.path) → \(response.status)",
            metadata: ["remaining": "\(response.header("x-ratelimit-remaining") ?? "-")"])
        return response
    }

    /// The text of a file at a commit through the contents API (raw media type), or `nil` when it does not exist.
    package func fileText(owner: String, repo: String, path: String, ref: String) async throws -> String? {
        let encoded = path.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? String($0)
        }.joined(separator: "/")
        let response = try await send(
            "GET", url("/repos/\(owner)/\(repo)/contents/\(encoded)?ref=\(ref)"),
            accept: "application/vnd.github.raw+json")
        if response.status == 404 { return nil }
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: "read \(path) at \(ref.prefix(12))", response: response)
        }
        return String(decoding: response.body, as: UTF8.self)
    }

    /// GETs and decodes one object.
    /// - Throws: ``GitHubAPIError`` on an error status; `DecodingError` on an unexpected body.
    package func get<T: Decodable>(_ path: String, as type: T.Type, operation: String) async throws -> T {
        let response = try await send("GET", url(path))
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: operation, response: response)
        }
        return try JSONDecoder().decode(T.self, from: response.body)
    }

    /// GETs every page of a JSON array, following `Link: rel="next"` (never building page URLs by hand) only to
    /// the origin of ``baseURL``: the token goes with every request, so a link elsewhere is never requested.
    /// - Throws: ``GitHubAPIError`` on an error status; ``ForeignPageLink`` when a next page is on another origin.
    /// - Parameter maxPages: most pages read (``pageLimit`` unless a caller bounds a listing more tightly).
    package func getAllPages<T: Decodable>(
        _ path: String, as type: T.Type, operation: String, maxPages: Int = pageLimit
    ) async throws -> [T] {
        let home = Origin(baseURL)
        var items: [T] = []
        var next: URL? = url(path)
        var pages = 0
        while let current = next, pages < maxPages {
            let response = try await send("GET", current)
            guard (200..<300).contains(response.status) else {
                throw GitHubAPIError(operation: operation, response: response)
            }
            items += try JSONDecoder().decode([T].self, from: response.body)
            next = LinkHeader.next(response.header("link"))
            if let link = next, Origin(link) != home || home == nil {
                throw ForeignPageLink(operation: operation, linkOrigin: Origin(link), apiOrigin: home)
            }
            pages += 1
        }
        return items
    }

    /// POSTs a JSON body and returns the response (any status).
    package func post(_ path: String, json body: some Encodable) async throws -> TransportResponse {
        try await send("POST", url(path), body: try JSONEncoder().encode(body))
    }
}
