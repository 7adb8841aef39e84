/// Builds a ``RunReport`` from the values the review stages return.
extension RunReport {
    /// The report after the fetch, select and plan stages.
    package init(
        ref: PullRequestRef?, fetched: ReviewPipeline.Fetched?, selection: FileSelector.Selection?,
        planned: ReviewPlanner.Result, engine: ReviewEngine
    ) {
        self.init(
            pullRequest: ref, model: engine.profile.name, modelInfo: engine.profile.info,
            dryRun: engine.settings.dryRun, plan: planned.plan)
        files = planned.files
        agentInstructions = engine.settings.agentInstructions
        let generated = Set(planned.plan.skipped.filter(\.reason.isGenerated).map(\.path))
        generatedPatchLines = (selection?.files ?? fetched?.changed ?? [])
            .filter { generated.contains($0.filename) }
            .reduce(0) { $0 + ($1.patch.map { $0.split(separator: "\n").count } ?? 0) }
        expectedSeconds = TimeEstimate.criticalPath(
            planned.plan, profile: engine.profile, slots: engine.settings.maxConcurrency)
        if let fetched {
            title = fetched.pullRequest.title
            headSHA = fetched.pullRequest.head.sha
            filesInDiff = fetched.changed.count
            diagnostics = fetched.diagnostics
            if let total = fetched.pullRequest.changedFiles, total > fetched.changed.count,
                fetched.changed.count >= ReviewPipeline.fileListingCap
            {
                listingTruncated = true
            }
        }
        if let selection {
            incrementalBase = selection.incrementalBase
            unchangedSinceLastReview = selection.unchanged
            if fetched == nil { filesInDiff = selection.files.count }
        }
    }

    /// Takes in what the post stage did.
    package mutating func record(_ posted: ReviewPoster.Result) {
        reviews = posted.reviews
        placement = posted.placement
        publishBlocked = posted.blocked
        usedBodyFallback = posted.usedBodyFallback
        diagnostics += posted.diagnostics
        failure = posted.failure
    }

    /// Takes in what the summarise stage did; a failed merge is a warning (the parts' summaries stay).
    package mutating func record(_ merged: SummaryMerger.Merged?) {
        guard let merged else { return }
        mergedSummary = merged.summary
        summaryUsage = merged.usage
        summaryRequests = 1
        if let failure = merged.failure {
            diagnostics.append(
                .warning(
                    "the summary of the whole pull request could not be written (\(failure)); the requests' summaries are shown"
                ))
        }
    }

    /// The report with its duration set.
    package func finished(at duration: Duration) -> RunReport {
        var report = self
        report.duration = duration
        return report
    }
}
