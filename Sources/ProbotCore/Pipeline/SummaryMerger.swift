/// Stage *summarise*: the one summary of the whole pull request, from a request that runs beside the reviews
/// (see ``PullRequestSummarizer``). A single request needs no extra call: its own summary is the PR's.
package enum SummaryMerger {
    /// What the summary request produced.
    package struct Merged: Sendable, Equatable {
        /// The one summary, or `nil` when the request failed (the parts' summaries are shown instead).
        package var summary: String?
        package var usage: TokenUsage
        package var failure: BatchFailure?
    }
}
