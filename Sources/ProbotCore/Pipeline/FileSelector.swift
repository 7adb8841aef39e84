/// Picks the files a review looks at: all of them, or with `incremental` only those changed since the last
/// reviewed commit plus those whose review failed then. A last commit that is no longer reachable (a
/// force-push) means a full review.
package struct FileSelector: Sendable {
    package var comparer: any ChangeComparer
    package var console: any RunConsole

    /// Memberwise initialiser.
    package init(comparer: any ChangeComparer, console: any RunConsole) {
        self.comparer = comparer
        self.console = console
    }

    /// The files chosen, and how many were left out as unchanged.
    package struct Selection: Sendable, Equatable {
        package var files: [ChangedFile]
        /// The commit an incremental review started from; `nil` for a full review.
        package var incrementalBase: String?
        package var unchanged: Int = 0

        /// Memberwise initialiser.
        package init(files: [ChangedFile], incrementalBase: String? = nil, unchanged: Int = 0) {
            self.files = files
            self.incrementalBase = incrementalBase
            self.unchanged = unchanged
        }
    }

    /// Selects from `changed` at `head`, given what earlier runs reviewed.
    package func select(_ changed: [ChangedFile], ref: PullRequestRef, head: String, prior: PriorReviews) async
        -> Selection
    {
        guard let last = prior.lastReviewedSHA else { return Selection(files: changed) }
        var paths = Set(prior.pendingPaths)
        if last != head {
            guard let compared = try? await comparer.changedPaths(ref, base: last, head: head) else {
                console.notice(
                    "the last reviewed commit \(last.prefix(12)) is not an ancestor of \(head.prefix(12)) (a force-push?): reviewing every file"
                )
                return Selection(files: changed)
            }
            paths.formUnion(compared)
        }
        let selected = changed.filter { paths.contains($0.filename) || $0.previousFilename.map(paths.contains) == true }
        let unchanged = changed.count - selected.count
        console.info(
            "incremental review since \(last.prefix(12)): \(selected.count) file(s) changed, \(unchanged) unchanged")
        return Selection(files: selected, incrementalBase: last, unchanged: unchanged)
    }
}
