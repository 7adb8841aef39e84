import Foundation
package import ProbotCore

/// Reads pull requests and posts reviews through ``GitHubClient``.
package struct GitHubPullRequestService: PullRequestSource, ReviewPublisher {
    package var client: GitHubClient

    /// Wraps `client`.
    package init(client: GitHubClient) {
        self.client = client
    }

    package func pullRequest(_ ref: PullRequestRef) async throws -> PullRequestPayload {
        try await client.get(
            "/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)", as: PullRequestPayload.self,
            operation: "get pull request \(ref)")
    }

    package func changedFiles(_ ref: PullRequestRef) async throws -> [ChangedFile] {
        try await client.getAllPages(
            "/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)/files?per_page=100", as: ChangedFile.self,
            operation: "list files of \(ref)")
    }

    package func publish(_ review: ReviewDraft, to ref: PullRequestRef) async throws -> PublishedReview {
        let body = ReviewRequestBody(review)
        let response = try await client.post("/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)/reviews", json: body)
        if response.status == 422 {
            let error = GitHubAPIError(operation: "create review on \(ref)", response: response)
            throw PublishError.rejected([error.message] + error.errors)
        }
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: "create review on \(ref)", response: response)
        }
        let created = try JSONDecoder().decode(CreatedReview.self, from: response.body)
        return PublishedReview(id: created.id, htmlURL: created.htmlURL)
    }

    private struct CreatedReview: Decodable {
        var id: Int
        var htmlURL: String?

        enum CodingKeys: String, CodingKey {
            case id
            case htmlURL = "html_url"
        }
    }
}

/// The JSON body of `POST /repos/{o}/{r}/pulls/{n}/reviews`.
package struct ReviewRequestBody: Codable, Equatable, Sendable {
    package var commitID: String
    package var body: String
    package var event: String
    package var comments: [Comment]

    /// One inline comment: `line`/`side`, plus `start_line`/`start_side` for ranges (never legacy `position`).
    package struct Comment: Codable, Equatable, Sendable {
        package var path: String
        package var body: String
        package var line: Int
        package var side: String
        package var startLine: Int?
        package var startSide: String?

        enum CodingKeys: String, CodingKey {
            case path, body, line, side
            case startLine = "start_line"
            case startSide = "start_side"
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(body, forKey: .body)
            try container.encode(line, forKey: .line)
            try container.encode(side, forKey: .side)
            try container.encodeIfPresent(startLine, forKey: .startLine)
            try container.encodeIfPresent(startSide, forKey: .startSide)
        }
    }

    enum CodingKeys: String, CodingKey {
        case body, event, comments
        case commitID = "commit_id"
    }

    /// Builds the body of a `COMMENT` review.
    package init(_ review: ReviewDraft) {
        commitID = review.commitID
        body = review.body
        event = "COMMENT"
        comments = review.comments.map {
            Comment(
                path: $0.path, body: $0.body, line: $0.line, side: $0.side.rawValue, startLine: $0.startLine,
                startSide: $0.startLine == nil ? nil : $0.side.rawValue)
        }
    }
}
