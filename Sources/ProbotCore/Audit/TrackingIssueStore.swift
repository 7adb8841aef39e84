/// Keeps the audit's one tracking issue (GitHub's issues API in production).
package protocol TrackingIssueStore: Sendable {
    /// The open tracking issue with `label` that this action created, if any.
    func findTrackingIssue(owner: String, repo: String, label: String) async throws -> Int?
    /// Creates the tracking issue, or updates `existing` in place; returns its number.
    func upsertTrackingIssue(
        owner: String, repo: String, existing: Int?, title: String, body: Markdown, label: String
    ) async throws -> Int
}
