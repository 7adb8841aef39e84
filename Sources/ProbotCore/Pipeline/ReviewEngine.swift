/// Plans, calls the model and places findings: the part of a review shared by the action and the local CLI.
package struct ReviewEngine: Sendable {
    package var inputs: ProbotInputs
    package var counter: any TokenCounter
    package var model: (any ChatModel)?
    package var console: any RunConsole
    package var now: @Sendable () -> ContinuousClock.Instant
    /// Few-shot turns from `examples-file`.
    package var examples: [ChatMessage] = []

    /// Memberwise initialiser; `model` may be `nil` for a dry run.
    package init(
        inputs: ProbotInputs, counter: any TokenCounter, model: (any ChatModel)?, console: any RunConsole,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.inputs = inputs
        self.counter = counter
        self.model = model
        self.console = console
        self.now = now
    }

    /// The model's limits and price, with the `context-window` and price inputs applied.
    package var modelInfo: ModelInfo {
        var info = ModelCatalog.info(for: inputs.model)
        if let window = inputs.contextWindow {
            info.contextWindow = window
            info.maxOutputTokens = min(info.maxOutputTokens, max(1_024, window / 4))
        }
        if let price = inputs.priceInputPerMillion { info.inputPricePerMillion = price }
        if let price = inputs.priceOutputPerMillion { info.outputPricePerMillion = price }
        if inputs.contextWindow != nil || (inputs.priceInputPerMillion != nil && inputs.priceOutputPerMillion != nil) {
            info.isKnown = true
        }
        return info
    }

    /// The prompt builder for a pull request with this title and description.
    package func promptBuilder(title: String, description: String) -> PromptBuilder {
        var builder = PromptBuilder(language: inputs.language, instructions: inputs.instructions, title: title, description: description)
        builder.examples = examples
        return builder
    }

    /// The planner for a prompt with this title and description.
    package func planner(title: String, description: String) -> ReviewPlanner {
        let builder = promptBuilder(title: title, description: description)
        let budget = ReviewBudget.make(
            maxPromptTokens: inputs.maxPromptTokens, model: modelInfo, reasoning: ChatRequest.isReasoningModel(inputs.model))
        return ReviewPlanner(
            filter: PathFilter(include: inputs.include, exclude: inputs.exclude),
            batcher: PromptBatcher(counter: counter, builder: builder, budget: budget))
    }

    /// Reviews `changed` and fills `report` with the plan, outcomes and placement.
    /// A dry run stops after planning.
    package func review(_ changed: [ChangedFile], title: String, description: String, into report: inout RunReport) async {
        console.beginGroup("Plan")
        let planned = planner(title: title, description: description).plan(changed)
        report.plan = planned.plan
        report.files = planned.files
        if report.filesInDiff == 0 { report.filesInDiff = changed.count }
        logPlan(planned.plan)
        console.endGroup()
        guard !report.dryRun, let model, !planned.plan.batches.isEmpty else { return }

        console.beginGroup("Review with \(inputs.model): \(planned.plan.batches.count) request(s), up to \(inputs.maxConcurrency) at once")
        let runner = BatchRunner(
            model: model, modelName: inputs.model, completionTokens: planned.plan.budget.completionTokens,
            maxConcurrency: inputs.maxConcurrency, reasoningEffort: inputs.reasoningEffort,
            splitter: BatchSplitter(builder: promptBuilder(title: title, description: description), counter: counter), now: now)
        let console = self.console
        report.outcomes = await runner.run(planned.plan.batches) { outcomes, finished, total in
            for outcome in outcomes { console.info(Self.progressLine(outcome, finished: finished, total: total)) }
        }
        console.endGroup()

        let findings = report.outcomes.flatMap { $0.review?.findings ?? [] }
        let placer = FindingPlacer(files: planned.files, minSeverity: inputs.minSeverity, maxComments: inputs.maxComments)
        report.placement = placer.place(findings)
        for outcome in report.outcomes {
            for problem in outcome.review?.unreadable ?? [] {
                report.warnings.append("batch \(outcome.batch.number): skipped an unreadable finding (\(problem))")
            }
        }
    }

    private func logPlan(_ plan: BatchPlan) {
        console.info(
            "\(plan.batches.count) request(s) for \(plan.reviewedPaths.count) file(s); "
                + "prompt budget \(Format.count(plan.budget.promptTokens)) tokens (\(plan.counterName)), "
                + "\(Format.count(plan.budget.completionTokens)) reserved for each answer")
        for batch in plan.batches {
            console.info(
                "  batch \(batch.number): \(Format.count(batch.promptTokens)) tokens, \(batch.paths.count) file(s): "
                    + batch.paths.prefix(5).joined(separator: ", ") + (batch.paths.count > 5 ? ", …" : ""))
        }
        for skipped in plan.skipped {
            console.info("  skipped \(skipped.path): \(skipped.reason)")
        }
    }

    /// `[2/5] batch 3 · 3 files · 8,120 → 412 tokens · 4 findings · 2.1 s`.
    package static func progressLine(_ outcome: BatchOutcome, finished: Int, total: Int) -> String {
        let head = "[\(finished)/\(total)] batch \(outcome.batch.label) · \(outcome.batch.paths.count) file(s)"
        switch outcome.result {
        case .reviewed(let review):
            return head
                + " · \(Format.count(outcome.usage.promptTokens)) → \(Format.count(outcome.usage.completionTokens)) tokens"
                + " · \(review.findings.count) finding(s) · \(Format.duration(outcome.duration))"
        case .failed(let why):
            return head + " · failed: \(why)"
        }
    }
}
