/// This action's review threads after a run, for the sticky summary and the job summary.
package struct ThreadCounts: Sendable, Equatable {
    /// Inline comments (new threads) posted by this run.
    package var opened: Int
    /// Threads resolved because the push addressed them.
    package var resolved: Int
    /// This action's threads still open.
    package var stillOpen: Int

    /// Memberwise initialiser.
    package init(opened: Int, resolved: Int, stillOpen: Int) {
        self.opened = opened
        self.resolved = resolved
        self.stillOpen = stillOpen
    }

    /// `2 opened · 3 resolved as addressed · 4 still open`.
    package var line: String { "\(opened) opened · \(resolved) resolved as addressed · \(stillOpen) still open" }
}
