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

/// Makes the review's report from what its stages returned (``ReviewPipeline/run(_:)``).
extension RunReport {
    /// The report of a review that stopped at the rules: a skip rule matched, or the file is invalid.
    init(_ prepared: ReviewPipeline.Prepared, stoppedBy stop: ReviewPipeline.Stop) {
        let engine = prepared.engine
        self.init(
            pullRequest: prepared.ref, model: engine.profile.name, modelInfo: engine.profile.info,
            dryRun: engine.settings.dryRun, plan: .empty(counterName: engine.counter.name))
        title = prepared.fetched.pullRequest.title
        headSHA = prepared.fetched.pullRequest.head.sha
        filesInDiff = prepared.fetched.changed.count
        diagnostics = prepared.fetched.diagnostics
        settingOrigins = prepared.rules.origins
        switch stop {
        case .skip(let rule): skippedBy = rule
        case .invalid(let error): failure = .invalidConfig(error)
        }
    }

    /// The report after planning, and after answering when `answered` is given. A fixed prompt over the budget,
    /// or every request failing, is the report's failure.
    init(_ prepared: ReviewPipeline.Prepared, planned: ReviewPipeline.Planned, answered: ReviewPipeline.Answered? = nil)
    {
        self.init(
            ref: prepared.ref, fetched: prepared.fetched, selection: prepared.selection, planned: planned.result,
            engine: prepared.engine)
        settingOrigins = prepared.rules.origins
        plannedAfter = planned.finished - prepared.started
        contextGaps = planned.context.gaps
        symbolIndex = planned.related.status
        learningsApplied = prepared.learned.applied(to: planned.result.plan)
        diagnostics += planned.context.diagnostics
        if let fixed = planned.result.plan.fixedOverBudget {
            failure = .fixedPromptOverBudget(tokens: fixed, budget: planned.result.plan.budget.promptTokens)
            return
        }
        guard let answered else { return }
        outcomes = answered.outcomes
        let failed = failedOutcomes
        if let first = failed.first?.failure, failed.count == outcomes.count {
            failure = .everyRequestFailed(first: first)
            return
        }
        diagnostics += answered.diagnostics
        record(answered.merged)
        placement = answered.placement
    }

    /// This report with what the post stage did.
    func with(_ posted: ReviewPipeline.Posted) -> RunReport {
        var report = self
        report.nothingNew = posted.nothingNew
        if let result = posted.result { report.record(result) }
        return report
    }

    /// This report with what the follow-up stage did.
    func with(_ followUp: ReviewPipeline.FollowUp) -> RunReport {
        var report = self
        report.threads = followUp.counts
        report.diagnostics += followUp.diagnostics
        report.verifyUsage = followUp.usage
        return report
    }
}
