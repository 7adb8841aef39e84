/// Everything a run did, for the job summary, the step outputs and the exit status.
package struct RunReport: Sendable, Equatable {
    /// The pull request, or `nil` for a local diff.
    package var pullRequest: PullRequestRef?
    package var title: String = ""
    package var headSHA: String = ""
    package var model: String
    package var modelInfo: ModelInfo
    package var dryRun: Bool
    /// Files GitHub listed (or the local diff held).
    package var filesInDiff: Int = 0
    /// Patch lines of the files skipped as generated or vendored (``SkipReason/isGenerated``).
    package var generatedPatchLines: Int = 0
    /// GitHub's listing stopped at 3,000 files while the PR has more.
    package var listingTruncated: Bool = false
    package var plan: BatchPlan
    /// The parsed files that were planned, for anchors and fingerprints.
    package var files: [FileDiff] = []
    /// Files left out because they did not change since the last reviewed commit (incremental review).
    package var unchangedSinceLastReview: Int = 0
    /// The commit an incremental review started from.
    package var incrementalBase: String?
    package var outcomes: [BatchOutcome] = []
    package var placement = PlacementResult()
    /// The first review posted (more follow when there are over 30 inline comments).
    package var review: PublishedReview? { reviews.first }
    /// Every review posted, in order.
    package var reviews: [PublishedReview] = []
    /// Posting was refused (a read-only token): the findings went to annotations and the job summary.
    package var publishBlocked: String?
    /// Nothing new since the last review, so no review was posted.
    package var nothingNew: Bool = false
    /// GitHub rejected the inline comments and the review was posted again with them in the body.
    package var usedBodyFallback: Bool = false
    package var duration: Duration = .zero
    /// Effective settings that are not at their defaults, and where they came from.
    package var settingOrigins: [SettingOrigin] = []
    /// The plan's expected critical path in seconds on the model (an estimate from the changed lines).
    package var expectedSeconds: Double = 0
    /// How long the run took until its plan was made (reads, context, planning): measured, not estimated.
    package var plannedAfter: Duration = .zero
    /// One summary of the whole pull request, merged from the requests' summaries (more than one request).
    package var mergedSummary: String?
    /// Tokens of the summary merge, billed on top of the review requests.
    package var summaryUsage: TokenUsage = .zero
    /// Requests made for the summary merge (0 or 1).
    package var summaryRequests = 0
    /// This action's review threads after the run: opened now, resolved as addressed, still open.
    package var threads: ThreadCounts?
    /// The team's learnings that matched a file sent to the model (`learn: true`).
    package var learningsApplied: [Learning] = []
    /// Every finding this action posted on the pull request and its fate (`learn: true`).
    package var ledger: ReviewLedger?
    /// Tokens of `verify-fixes` requests.
    package var verifyUsage: TokenUsage = .zero
    /// The repository's agent instruction files the requests carried (``AgentInstructions/files(for:)``).
    package var agentInstructions = AgentInstructions.none
    /// Files whose hunks went without surrounding code, and why.
    package var contextGaps: [ContextGap] = []
    /// How the symbol index went; `nil` when the run had no index provider.
    package var symbolIndex: SymbolIndexStatus?
    /// The skip rule of the repository's configuration that matched; nothing was reviewed.
    package var skippedBy: String?
    /// Problems that did not stop the run, also shown as annotations.
    package var diagnostics: [Diagnostic] = []
    /// Why the run stopped short (every request failed, or the review could not be posted); `nil` when it finished.
    package var failure: RunError?

    /// Memberwise initialiser for the required parts.
    package init(pullRequest: PullRequestRef?, model: String, modelInfo: ModelInfo, dryRun: Bool, plan: BatchPlan) {
        self.pullRequest = pullRequest
        self.model = model
        self.modelInfo = modelInfo
        self.dryRun = dryRun
        self.plan = plan
    }

    /// `owner/name` of the pull request's repository, which posted links may point into.
    package var repository: String? { pullRequest.map { "\($0.owner)/\($0.repo)" } }

    /// Tokens billed across all requests.
    package var usage: TokenUsage { outcomes.reduce(summaryUsage + verifyUsage) { $0 + $1.usage } }

    /// Estimated cost in US dollars of the tokens billed, `nil` when the price is unknown.
    package var costUSD: Double? {
        modelInfo.cost(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
    }

    /// Upper bound for a dry run: all planned prompt tokens plus every completion reserve.
    package var plannedCostUSD: Double? {
        modelInfo.cost(
            promptTokens: plan.promptTokens, completionTokens: plan.batches.count * plan.budget.completionTokens)
    }

    /// Batches that failed.
    package var failedOutcomes: [BatchOutcome] { outcomes.filter { $0.review == nil } }

    /// Files reviewed by at least one successful batch.
    package var reviewedPaths: [String] {
        var seen = Set<String>()
        return outcomes.filter { $0.review != nil }.flatMap(\.batch.paths).filter { seen.insert($0).inserted }
    }

    /// Everything not reviewed: planner skips plus the files of failed batches.
    package var skippedFiles: [SkippedFile] {
        let failed = failedOutcomes.flatMap { outcome -> [SkippedFile] in
            guard let failure = outcome.failure else { return [] }
            return outcome.batch.paths.map { SkippedFile(path: $0, reason: .modelFailed(failure.publicDescription)) }
        }
        return plan.skipped + failed
    }

    /// Distinct paths not (fully) reviewed.
    package var skippedPathCount: Int { Set(skippedFiles.map(\.path)).count }

    /// Summaries the model wrote, in batch order.
    package var summaries: [String] {
        outcomes.compactMap { $0.review?.summary.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Step outputs, by name.
    package var outputs: [(name: String, value: String)] {
        StepOutputs.make([
            "review-id": review.map { String($0.id) } ?? "",
            "findings": String(placement.posted.count),
            "comments": String(placement.inline.count),
            "unverified-findings": String(placement.unverified.count),
            "files-reviewed": String(dryRun ? plan.reviewedPaths.count : reviewedPaths.count),
            "files-skipped": String(skippedPathCount),
            "model-requests": String(outcomes.count + summaryRequests),
            "prompt-tokens": String(dryRun ? plan.promptTokens : usage.promptTokens),
            "completion-tokens": String(usage.completionTokens),
            "cost-usd": (dryRun ? plannedCostUSD : costUSD).map { Format.usd($0) } ?? "",
        ])
    }
}
