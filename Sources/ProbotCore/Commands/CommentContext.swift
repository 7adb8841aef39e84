/// Where a comment was typed and what surrounds it: the conversation or review thread, its author, the pull
/// request's commits. What the comment asks is separate (``CommentCommand``); a thread reply asks nothing.
package struct CommentContext: Sendable, Equatable {
    /// The issue or pull request number.
    package var number: Int
    package var isPullRequest: Bool
    package var commentID: Int
    /// The commenter's login, for the reply.
    package var author: String
    /// Title and body of the issue or pull request.
    package var title: String
    package var body: String
    /// Set for review-thread comments: the hunk, path and line under discussion.
    package var diffHunk: String?
    package var path: String?
    package var line: Int?
    /// The thread's first comment, for replies in a review thread.
    package var threadRootID: Int?
    /// The pull request's base commit, where the repository's configuration is read (review threads).
    package var baseSHA: String?
    /// The pull request's head commit, where the commented file is read for its enclosing scope.
    package var headSHA: String?

    /// Memberwise initialiser; the thread's fields stay `nil` for a comment on the conversation.
    package init(
        number: Int, isPullRequest: Bool, commentID: Int, author: String, title: String, body: String,
        diffHunk: String? = nil, path: String? = nil, line: Int? = nil, threadRootID: Int? = nil,
        baseSHA: String? = nil, headSHA: String? = nil
    ) {
        self.number = number
        self.isPullRequest = isPullRequest
        self.commentID = commentID
        self.author = author
        self.title = title
        self.body = body
        self.diffHunk = diffHunk
        self.path = path
        self.line = line
        self.threadRootID = threadRootID
        self.baseSHA = baseSHA
        self.headSHA = headSHA
    }

    /// Whether the command was typed in a review thread (on a diff line).
    package var inReviewThread: Bool { diffHunk != nil }
}
