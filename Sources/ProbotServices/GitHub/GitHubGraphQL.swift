package import Foundation

/// GitHub's GraphQL endpoint: one POST per query, with the REST client's headers and HTTP error decoding.
package struct GitHubGraphQL: Sendable {
    package var client: GitHubClient
    /// `GITHUB_GRAPHQL_URL`, e.g. `https://api.github.com/graphql` or `https://HOST/api/graphql`.
    package var url: URL

    /// Memberwise initialiser.
    package init(client: GitHubClient, url: URL) {
        self.client = client
        self.url = url
    }

    /// The GraphQL endpoint next to a REST base URL: `…/api/v3` → `…/api/graphql`, else `…/graphql`.
    package static func url(forAPI base: URL) -> URL {
        let text = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        if text.hasSuffix("/api/v3") { return URL(string: String(text.dropLast(3)) + "graphql") ?? base }
        return URL(string: text + "/graphql") ?? base
    }

    /// Posts `request` (a document from ``GraphQLDocuments`` and its variables) and returns the body of a 2xx
    /// answer, which may still carry `errors`.
    /// - Parameter operation: what was attempted, for the error, e.g. `read the review threads`.
    /// - Throws: ``GitHubAPIError`` for any other status; transport errors as they come.
    package func post(_ request: GraphQLRequest, operation: String) async throws -> Data {
        let response = try await client.send("POST", url, body: try JSONEncoder().encode(request.body))
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: operation, response: response)
        }
        return response.body
    }
}

/// An entry of a GraphQL answer's `errors`, or the lack of the data asked for.
package struct GraphQLError: Error, Decodable, Equatable, CustomStringConvertible {
    /// GitHub's error type, e.g. `FORBIDDEN` or `NOT_FOUND`.
    package var type: String?
    package var message: String

    /// Memberwise initialiser.
    package init(type: String? = nil, message: String) {
        self.type = type
        self.message = message
    }

    package var description: String { "GraphQL: \(message)" }
}
