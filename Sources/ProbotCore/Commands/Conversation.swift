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

/// The conversation of an issue or pull request: its comments and reactions (GitHub's issue-comment APIs in
/// production). Review threads are a ``ReviewThreadStore``; changed files a ``PullRequestSource``.
package protocol Conversation: Sendable {
    /// The last `limit` conversation comments, oldest first.
    func recentComments(_ ref: PullRequestRef, limit: Int) async throws -> [ConversationComment]
    /// Posts a conversation comment; returns its URL.
    func comment(_ ref: PullRequestRef, body: Markdown) async throws -> String?
    /// Adds a reaction to an issue comment or a review comment.
    func react(_ ref: PullRequestRef, commentID: Int, inReviewThread: Bool, content: String) async throws
}
