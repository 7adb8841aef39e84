/// Keeps the repository's learnings issue (GitHub's issues API in production).
///
/// The issue is the one open issue labelled ``label`` that this action's identity opened and whose body carries
/// ``Markers/learningsIssue``; a learning is a comment on it written by the same identity.
package protocol LearningStore: Sendable {
    /// The issue, its learnings and its acceptance entries, read with bounded pagination; an empty book when the
    /// repository has no learnings issue yet.
    func read(owner: String, repo: String) async throws -> LearningBook
    /// Adds `learning` as a comment, creating the issue first when `book` has none; returns the book as it is now.
    func record(_ learning: Learning, owner: String, repo: String, in book: LearningBook) async throws -> LearningBook
    /// Writes the body (its acceptance table), creating the issue when `book` has none; returns its number.
    func writeBody(_ body: Markdown, owner: String, repo: String, in book: LearningBook) async throws -> Int
}
