import Foundation
package import ProbotCore

/// The learnings issue through GitHub's issues API: one open issue labelled `chatgpt-probot-learnings`, written
/// by the token's identity, one comment per learning.
package struct GitHubLearningStore: LearningStore {
    package var service: GitHubPullRequestService

    /// Wraps `service`.
    package init(service: GitHubPullRequestService) {
        self.service = service
    }

    /// Most pages of 100 issue comments read per run (1,000 learnings).
    package static let commentPageLimit = 10

    private var client: GitHubClient { service.client }

    private struct Comment: Decodable {
        var id: Int
        var body: String?
        var htmlURL: String?
        var user: User?
        enum CodingKeys: String, CodingKey {
            case id, body, user
            case htmlURL = "html_url"
        }
    }

    package func read(owner: String, repo: String) async throws -> LearningBook {
        let issues = try await client.getAllPages(
            "/repos/\(owner)/\(repo)/issues?state=open&labels=\(LearningsIssueRenderer.label)&sort=created&direction=asc&per_page=100",
            as: GitHubItem.self, operation: "list the learnings issue", maxPages: 2)
        // The issues list includes pull requests; only a real issue by this identity with the marker counts.
        // Who this identity is is asked only when some issue carries the marker (not on every first review).
        let marked = issues.filter { $0.pullRequest == nil && Markers.find(in: $0.body ?? "").contains("learnings") }
        guard !marked.isEmpty else { return LearningBook() }
        let identity = await service.actingIdentity()
        guard let issue = marked.first(where: { identity.wrote($0.user?.login ?? "") }), let number = issue.number
        else { return LearningBook() }
        let comments = try await client.getAllPages(
            "/repos/\(owner)/\(repo)/issues/\(number)/comments?per_page=100", as: Comment.self,
            operation: "list the learnings", maxPages: Self.commentPageLimit)
        let learnings = comments.compactMap { comment -> Learning? in
            guard identity.wrote(comment.user?.login ?? "") else { return nil }
            return LearningComment.parse(comment.body ?? "", commentID: comment.id, commentURL: comment.htmlURL)
        }
        return LearningBook(
            issue: number, learnings: learnings, acceptance: LearningsIssueRenderer.entries(in: issue.body ?? ""))
    }

    package func record(
        _ learning: Learning, owner: String, repo: String, in book: LearningBook
    ) async throws -> LearningBook {
        var book = book
        let number = try await issueNumber(owner: owner, repo: repo, book: book)
        book.issue = number
        let response = try await client.post(
            "/repos/\(owner)/\(repo)/issues/\(number)/comments",
            json: CommentBody(body: LearningComment.render(learning)))
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: "record a learning", response: response)
        }
        let created = try JSONDecoder().decode(Comment.self, from: response.body)
        var stored = learning
        stored.commentID = created.id
        stored.commentURL = created.htmlURL
        book.learnings.append(stored)
        return book
    }

    package func writeBody(_ body: Markdown, owner: String, repo: String, in book: LearningBook) async throws -> Int {
        try await service.upsertTrackingIssue(
            owner: owner, repo: repo, existing: book.issue, title: LearningsIssueRenderer.title, body: body,
            label: LearningsIssueRenderer.label)
    }

    /// The issue of `book`, created (with its explaining body) when there is none yet.
    private func issueNumber(owner: String, repo: String, book: LearningBook) async throws -> Int {
        if let issue = book.issue { return issue }
        return try await writeBody(
            LearningsIssueRenderer.body(book.acceptance), owner: owner, repo: repo, in: book)
    }
}
