/// The optional capabilities that make re-runs idempotent; without them every run is a fresh full review.
package struct ReviewMemory: Sendable {
    package var history: any ReviewHistorySource
    package var summaries: any StickySummaryStore
    package var comparer: any ChangeComparer
    /// Keeps the walkthrough in the description (`describe: true`).
    package var descriptions: (any DescriptionStore)?
    /// Reads and resolves review threads (`resolve-fixed`).
    package var threads: (any ReviewThreadStore)?
    /// Keeps the learnings issue (`learn: true`); `nil` learns nothing and keeps no acceptance table.
    package var learnings: (any LearningStore)?

    /// Memberwise initialiser.
    package init(
        history: any ReviewHistorySource, summaries: any StickySummaryStore, comparer: any ChangeComparer,
        descriptions: (any DescriptionStore)? = nil, threads: (any ReviewThreadStore)? = nil,
        learnings: (any LearningStore)? = nil
    ) {
        self.learnings = learnings
        self.history = history
        self.summaries = summaries
        self.comparer = comparer
        self.descriptions = descriptions
        self.threads = threads
    }
}
