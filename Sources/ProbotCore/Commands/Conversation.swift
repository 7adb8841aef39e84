/// A comment in an issue or pull-request conversation.
package struct ConversationComment: Sendable, Equatable {
    /// The commenter's login.
    package var author: String
    package var body: String

    /// Memberwise initialiser.
    package init(author: String, body: String) {
        self.author = author
        self.body = body
    }
}

/// The conversation around a comment command (GitHub's issue and review-comment APIs in production).
package protocol Conversation: Sendable {
    /// The pull request's changed files, for `/chatgpt` on a pull request.
    func changedFiles(_ ref: PullRequestRef) async throws -> [ChangedFile]
    /// The last `limit` conversation comments, oldest first.
    func recentComments(_ ref: PullRequestRef, limit: Int) async throws -> [ConversationComment]
    /// Posts a conversation comment; returns its URL.
    func comment(_ ref: PullRequestRef, body: Markdown) async throws -> String?
    /// Replies in the review thread that starts with `rootCommentID`; returns the reply's URL.
    func reply(_ ref: PullRequestRef, rootCommentID: Int, body: Markdown) async throws -> String?
    /// Adds a reaction to an issue comment or a review comment.
    func react(_ ref: PullRequestRef, commentID: Int, inReviewThread: Bool, content: String) async throws
}
