import Foundation
package import ProbotCore

/// Reads pull requests, posts reviews, and keeps the review history and sticky summary, through ``GitHubClient``.
package struct GitHubPullRequestService: PullRequestSource, ReviewPublisher, ReviewHistorySource, StickySummaryStore,
    ChangeComparer, DescriptionStore
{
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
        // A nonce in the body lets a retry after a 5xx or a timeout check whether the first attempt was created.
        let nonce = "<!-- chatgpt-probot:post=\(UUID().uuidString) -->"
        var draft = review
        draft.body += "\n" + Markers.trusted(nonce)
        let path = "/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)/reviews"
        let operation = "create review on \(ref)"
        let response: TransportResponse
        do {
            response = try await client.post(path, json: ReviewRequestBody(draft))
        } catch let error as RetryExhausted {
            throw error  // rate-limited past the wait cap: GitHub refused the request, nothing was created
        } catch {
            // The connection failed mid-request: the review may exist. Look before posting again.
            if let existing = try await findReview(containing: nonce, ref: ref) { return existing }
            return try interpret(try await client.post(path, json: ReviewRequestBody(draft)), operation: operation)
        }
        if (500...599).contains(response.status) {
            if let existing = try await findReview(containing: nonce, ref: ref) { return existing }
            return try interpret(try await client.post(path, json: ReviewRequestBody(draft)), operation: operation)
        }
        return try interpret(response, operation: operation)
    }

    private func interpret(_ response: TransportResponse, operation: String) throws -> PublishedReview {
        if response.status == 422 {
            let error = GitHubAPIError(operation: operation, response: response)
            throw PublishError.rejected([error.message] + error.errors)
        }
        if response.status == 403 || response.status == 404 {
            // Rate limits were retried already; what is left is a token that may not write here.
            throw PublishError.forbidden(GitHubAPIError(operation: operation, response: response).message)
        }
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: operation, response: response)
        }
        let created = try JSONDecoder().decode(GitHubItem.self, from: response.body)
        return PublishedReview(id: created.id, htmlURL: created.htmlURL)
    }

    private func findReview(containing nonce: String, ref: PullRequestRef) async throws -> PublishedReview? {
        let reviews = try await client.getAllPages(
            "/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)/reviews?per_page=100", as: GitHubItem.self,
            operation: "list reviews of \(ref)")
        return reviews.first { $0.body?.contains(nonce) == true }.map {
            PublishedReview(id: $0.id, htmlURL: $0.htmlURL)
        }
    }
}

extension GitHubPullRequestService {
    package func priorBodies(_ ref: PullRequestRef) async throws -> PriorBodies {
        let base = "/repos/\(ref.owner)/\(ref.repo)"
        // Three independent reads: in parallel (GitHub allows concurrent reads; writes stay serial).
        async let comments = client.getAllPages(
            "\(base)/pulls/\(ref.number)/comments?per_page=100", as: GitHubItem.self,
            operation: "list review comments of \(ref)")
        async let reviews = client.getAllPages(
            "\(base)/pulls/\(ref.number)/reviews?per_page=100", as: GitHubItem.self, operation: "list reviews of \(ref)"
        )
        async let conversation = client.getAllPages(
            "\(base)/issues/\(ref.number)/comments?per_page=100", as: GitHubItem.self,
            operation: "list comments of \(ref)")
        let authored = { (items: [GitHubItem]) in
            items.compactMap { item in
                item.body.map { AuthoredBody(id: item.id, author: item.user?.login ?? "", body: $0) }
            }
        }
        var bodies = PriorBodies(
            identity: .githubActions,
            reviewComments: authored(try await comments.filter { $0.inReplyToID == nil }),
            reviews: authored(try await reviews),
            issueComments: authored(try await conversation))
        // Who this action is matters only when something carries a marker: asked then, not on a first review.
        let all = bodies.reviewComments + bodies.reviews + bodies.issueComments
        if all.contains(where: { $0.body.contains("chatgpt-probot:") }) { bodies.identity = await actingIdentity() }
        return bodies
    }

    /// Who the token acts as (GraphQL `viewer`, which answers for installation tokens too); the default
    /// `GITHUB_TOKEN`'s identity when it cannot be read.
    package func actingIdentity() async -> ActingIdentity {
        struct Answer: Decodable {
            struct Data: Decodable {
                struct Viewer: Decodable { var login: String }
                var viewer: Viewer
            }
            var data: Data?
        }
        let graphQL = GitHubGraphQL(client: client, url: GitHubGraphQL.url(forAPI: client.baseURL))
        guard let body = try? await graphQL.post(GraphQLDocuments.viewer(), operation: "read the viewer"),
            let login = (try? JSONDecoder().decode(Answer.self, from: body))?.data?.viewer.login
        else { return .githubActions }
        return ActingIdentity(login: login)
    }

    package func upsertSummary(_ ref: PullRequestRef, body: Markdown, existingID: Int?) async throws -> Int {
        let base = "/repos/\(ref.owner)/\(ref.repo)/issues"
        if let existingID {
            let response = try await client.send(
                "PATCH", client.url("\(base)/comments/\(existingID)"),
                body: try JSONEncoder().encode(CommentBody(body: body)))
            if (200..<300).contains(response.status) { return existingID }
            guard response.status == 404 else {
                throw GitHubAPIError(operation: "update the summary comment on \(ref)", response: response)
            }
        }
        let response = try await client.post("\(base)/\(ref.number)/comments", json: CommentBody(body: body))
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: "create the summary comment on \(ref)", response: response)
        }
        return try JSONDecoder().decode(GitHubItem.self, from: response.body).id
    }

    package func updateDescription(_ ref: PullRequestRef, body: Markdown) async throws {
        let response = try await client.send(
            "PATCH", client.url("/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)"),
            body: try JSONEncoder().encode(CommentBody(body: body)))
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: "update the description of \(ref)", response: response)
        }
    }

    package func changedPaths(_ ref: PullRequestRef, base: String, head: String) async throws -> [String]? {
        struct Comparison: Decodable {
            struct File: Decodable {
                var filename: String
                var previousFilename: String?
                enum CodingKeys: String, CodingKey {
                    case filename
                    case previousFilename = "previous_filename"
                }
            }
            var status: String
            var files: [File]?
        }
        let response = try await client.send(
            "GET", client.url("/repos/\(ref.owner)/\(ref.repo)/compare/\(base)...\(head)?per_page=100"))
        if response.status == 404 || response.status == 422 { return nil }  // unknown or unrelated commit
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: "compare \(base.prefix(12))...\(head.prefix(12))", response: response)
        }
        let comparison = try JSONDecoder().decode(Comparison.self, from: response.body)
        switch comparison.status {
        case "identical": return []
        case "ahead":
            let files = comparison.files ?? []
            guard files.count < 300 else { return nil }  // the comparison lists 300 files at most
            return files.flatMap { [$0.filename] + ($0.previousFilename.map { [$0] } ?? []) }
        default: return nil  // diverged or behind: the old head is not in this branch's history
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
        body = review.body.rawValue
        event = "COMMENT"
        comments = review.comments.map {
            Comment(
                path: $0.path, body: $0.body.rawValue, line: $0.line, side: $0.side.rawValue, startLine: $0.startLine,
                startSide: $0.startLine == nil ? nil : $0.side.rawValue)
        }
    }
}
