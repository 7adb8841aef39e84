/// The model-facing stages of a review, shared by the action and the local CLI: plan, ask, place.
/// Each stage takes values and returns values.
package struct ReviewEngine: Sendable {
    package var profile: ModelProfile
    package var settings: ReviewSettings
    package var counter: any TokenCounter
    /// Never asked on a dry run (``ReviewSettings/dryRun``).
    package var model: any ChatModel
    package var console: any RunConsole
    package var now: @Sendable () -> ContinuousClock.Instant
    /// Names declared in the repository, for the claim check; `nil` checks against what each request showed.
    package var declarations: (any DeclarationLookup)?

    /// Memberwise initialiser.
    package init(
        profile: ModelProfile, settings: ReviewSettings, counter: any TokenCounter, model: any ChatModel,
        console: any RunConsole, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.profile = profile
        self.settings = settings
        self.counter = counter
        self.model = model
        self.console = console
        self.now = now
    }

    /// The planner for a prompt with this title and description.
    package func planner(title: String, description: String) -> ReviewPlanner {
        var planner = ReviewPlanner(
            filter: settings.filter,
            batcher: PromptBatcher(
                counter: counter, builder: settings.promptBuilder(title: title, description: description),
                budget: profile.budget,
                balancing: settings.optimize == .time
                    ? BalancedPacking(slots: settings.maxConcurrency, timing: AnswerTiming(profile)) : nil),
            context: ContextBuilder(maxAbove: settings.contextLines))
        planner.checksHeaders = !settings.reviewGenerated
        return planner
    }

    /// Stage *plan*: filters, parses and batches `changed`, and logs the plan.
    package func plan(
        _ changed: [ChangedFile], title: String, description: String, sources: [String: [String]] = [:],
        related: [String: [RelatedSnippet]] = [:]
    ) -> ReviewPlanner.Result {
        console.beginGroup("Plan")
        let planned = planner(title: title, description: description).plan(changed, sources: sources, related: related)
        console.info(
            PlanLog.summary(planned.plan)
                + "; expected ≈ \(Format.duration(.seconds(TimeEstimate.criticalPath(planned.plan, profile: profile, slots: settings.maxConcurrency)))) with \(settings.maxConcurrency) at a time"
        )
        for line in PlanLog.details(planned.plan) { console.info(line) }
        console.endGroup()
        return planned
    }

    /// Stage *ask*: sends every batch, `max-concurrency` at a time, and logs a line per finished batch.
    /// Returns no outcomes on a dry run or without batches.
    package func ask(_ plan: BatchPlan, title: String, description: String) async -> [BatchOutcome] {
        await round(plan, files: nil, title: title, description: description).outcomes
    }

    /// Stage *place*: decides where each finding goes, and notes answers that held unreadable findings.
    package func place(_ outcomes: [BatchOutcome], files: [FileDiff]) -> (PlacementResult, [Diagnostic]) {
        let checked = checkClaims(outcomes)
        let findings = checked.outcomes.flatMap { $0.review?.findings ?? [] }
        let placer = FindingPlacer(files: files, minSeverity: settings.minSeverity, maxComments: settings.maxComments)
        let notes = outcomes.flatMap { outcome in
            (outcome.review?.unreadable ?? []).map {
                Diagnostic.warning("batch \(outcome.batch.number): skipped an unreadable finding (\($0))")
            }
        }
        return (placer.place(findings).adding(checked), notes)
    }
}
