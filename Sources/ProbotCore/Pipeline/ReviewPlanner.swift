/// Turns changed files into a batch plan: filter, parse, batch. Pure; shared by the action, the CLI and dry runs.
package struct ReviewPlanner: Sendable {
    package var filter: PathFilter
    package var batcher: PromptBatcher
    /// Widens hunks with surrounding code from the files' text.
    package var context: ContextBuilder
    /// Leave out files whose first lines say they are generated (``GeneratedHeader``).
    package var checksHeaders = false

    /// Memberwise initialiser; without `context` no surrounding code is shown.
    package init(filter: PathFilter, batcher: PromptBatcher, context: ContextBuilder = ContextBuilder(maxAbove: 0)) {
        self.filter = filter
        self.batcher = batcher
        self.context = context
    }

    /// What was planned: the parsed reviewable files and the batches.
    package struct Result: Sendable, Equatable {
        /// Files with hunks to review, in pull-request order.
        package var files: [FileDiff]
        package var plan: BatchPlan
    }

    /// Filters and parses `changed`, then batches what is left. Every file left out is in `plan.skipped`.
    /// - Parameter sources: the new files' lines by path, for the context around each hunk.
    /// - Parameter related: code from elsewhere in the repository shown with each file, by path.
    package func plan(
        _ changed: [ChangedFile], sources: [String: [String]] = [:], related: [String: [RelatedSnippet]] = [:]
    ) -> Result {
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
            if checksHeaders, !filter.isIncludedExplicitly(entry.filename),
                let marker = GeneratedHeader.marker(
                    in: sources[entry.filename] ?? GeneratedHeader.leadingLines(of: hunks))
            {
                skipped.append(SkippedFile(path: entry.filename, reason: .generatedHeader(marker)))
                continue
            }
            var file = FileDiff(
                path: entry.filename, previousPath: entry.previousFilename, status: entry.status, hunks: hunks)
            if let source = sources[entry.filename] { file.context = context.windows(for: hunks, source: source) }
            file.related = related[entry.filename] ?? []
            files.append(file)
        }
        var plan = batcher.plan(files)
        plan.skipped = skipped + plan.skipped
        return Result(files: files, plan: plan)
    }
}
