import Foundation
package import ProbotCore

/// Conversation and issue calls for comment commands and the audit's tracking issue.
extension GitHubPullRequestService: Conversation, TrackingIssueStore {
    private func check(_ response: TransportResponse, _ operation: String) throws -> GitHubItem {
        guard (200..<300).contains(response.status) else {
            throw GitHubAPIError(operation: operation, response: response)
        }
        return try JSONDecoder().decode(GitHubItem.self, from: response.body)
    }

    /// Adds a reaction (`eyes` to acknowledge a command) to an issue comment or a review comment.
    package func react(_ ref: PullRequestRef, commentID: Int, inReviewThread: Bool, content: String = "eyes")
        async throws
    {
        struct Reaction: Encodable { var content: String }
        let kind = inReviewThread ? "pulls" : "issues"
        let response = try await client.post(
            "/repos/\(ref.owner)/\(ref.repo)/\(kind)/comments/\(commentID)/reactions", json: Reaction(content: content))
        _ = try check(response, "react to comment \(commentID)")
    }

    /// Posts a conversation comment on an issue or pull request; returns its URL.
    package func comment(_ ref: PullRequestRef, body: Markdown) async throws -> String? {
        let response = try await client.post(
            "/repos/\(ref.owner)/\(ref.repo)/issues/\(ref.number)/comments", json: CommentBody(body: body))
        return try check(response, "comment on \(ref)").htmlURL
    }

    /// Replies in the review thread that starts with `rootCommentID`; returns the reply's URL.
    package func reply(_ ref: PullRequestRef, rootCommentID: Int, body: Markdown) async throws -> String? {
        let response = try await client.post(
            "/repos/\(ref.owner)/\(ref.repo)/pulls/\(ref.number)/comments/\(rootCommentID)/replies",
            json: CommentBody(body: body))
        return try check(response, "reply in the review thread of comment \(rootCommentID)").htmlURL
    }

    /// The last `limit` conversation comments as `(login, body)`, oldest first.
    package func recentComments(_ ref: PullRequestRef, limit: Int) async throws -> [ConversationComment] {
        struct Comment: Decodable {
            struct User: Decodable { var login: String }
            var body: String?
            var user: User?
        }
        let all = try await client.getAllPages(
            "/repos/\(ref.owner)/\(ref.repo)/issues/\(ref.number)/comments?per_page=100", as: Comment.self,
            operation: "list comments of \(ref)")
        return all.suffix(limit).map { ConversationComment(author: $0.user?.login ?? "someone", body: $0.body ?? "") }
    }

    /// The open tracking issue with `label` that this action created (found by its marker), if any.
    package func findTrackingIssue(owner: String, repo: String, label: String) async throws -> Int? {
        let encoded =
            label.addingPercentEncoding(
                withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+,"))) ?? label
        let issues = try await client.getAllPages(
            "/repos/\(owner)/\(repo)/issues?state=open&labels=\(encoded)&per_page=100", as: GitHubItem.self,
            operation: "list issues labelled \(label)")
        // The issues list includes pull requests; only a real issue carrying our marker counts.
        let candidates = issues.filter { $0.pullRequest == nil && Markers.find(in: $0.body ?? "").contains("audit") }
        guard !candidates.isEmpty else { return nil }
        let identity = await actingIdentity()
        return candidates.first { identity.wrote($0.user?.login ?? "") }?.number
    }

    /// Creates the tracking issue, or updates `existing` in place; returns its number.
    package func upsertTrackingIssue(
        owner: String, repo: String, existing: Int?, title: String, body: Markdown, label: String
    ) async throws -> Int {
        struct Create: Encodable {
            var title: String
            var body: String
            var labels: [String]
        }
        struct Update: Encodable {
            var title: String
            var body: String
        }
        if let existing {
            let response = try await client.send(
                "PATCH", client.url("/repos/\(owner)/\(repo)/issues/\(existing)"),
                body: try JSONEncoder().encode(Update(title: title, body: body.rawValue)))
            _ = try check(response, "update issue #\(existing)")
            return existing
        }
        let response = try await client.post(
            "/repos/\(owner)/\(repo)/issues", json: Create(title: title, body: body.rawValue, labels: [label]))
        return try check(response, "create the audit issue").number ?? 0
    }
}
