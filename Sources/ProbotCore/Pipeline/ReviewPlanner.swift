/// Turns changed files into a batch plan: filter, parse, batch. Pure; shared by the action, the CLI and dry runs.
package struct ReviewPlanner: Sendable {
    package var filter: PathFilter
    package var batcher: PromptBatcher

    /// Memberwise initialiser.
    package init(filter: PathFilter, batcher: PromptBatcher) {
        self.filter = filter
        self.batcher = batcher
    }

    /// What was planned: the parsed reviewable files and the batches.
    package struct Result: Sendable, Equatable {
        /// Files with hunks to review, in pull-request order.
        package var files: [FileDiff]
        package var plan: BatchPlan
    }

    /// Filters and parses `changed`, then batches what is left. Every file left out is in `plan.skipped`.
    package func plan(_ changed: [ChangedFile]) -> Result {
        var files: [FileDiff] = []
        var skipped: [SkippedFile] = []
        for entry in changed {
            if entry.status == "removed" {
                skipped.append(SkippedFile(path: entry.filename, reason: .removed))
                continue
            }
            if let reason = filter.exclusionReason(for: entry.filename) {
                skipped.append(SkippedFile(path: entry.filename, reason: reason))
                continue
            }
            guard let patch = entry.patch, !patch.isEmpty else {
                skipped.append(SkippedFile(path: entry.filename, reason: .noPatch))
                continue
            }
            let hunks: [Hunk]
            do {
                hunks = try PatchParser.parse(patch)
            } catch {
                skipped.append(SkippedFile(path: entry.filename, reason: .unparsablePatch(error.description)))
                continue
            }
            guard hunks.contains(where: { $0.changedLineCount > 0 }) else {
                skipped.append(SkippedFile(path: entry.filename, reason: .unchanged))
                continue
            }
            files.append(
                FileDiff(path: entry.filename, previousPath: entry.previousFilename, status: entry.status, hunks: hunks)
            )
        }
        var plan = batcher.plan(files)
        plan.skipped = skipped + plan.skipped
        return Result(files: files, plan: plan)
    }
}
