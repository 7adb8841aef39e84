/// A finding of an audit, with whether it points at a real line of an audited file.
package struct AuditFinding: Sendable, Equatable {
    package var finding: Finding
    /// `nil` when the path and line are in an audited file; else why not (still reported, without a location).
    package var unlocated: String?

    /// Memberwise initialiser.
    package init(finding: Finding, unlocated: String?) {
        self.finding = finding
        self.unlocated = unlocated
    }
}

/// Everything an audit did, for the job summary, the SARIF file, the tracking issue and the outputs.
package struct AuditReport: Sendable, Equatable {
    package var repository: String
    package var commit: String = ""
    package var shard: Shard?
    package var model: String
    package var modelInfo: ModelInfo
    package var dryRun: Bool
    package var plan: BatchPlan
    package var outcomes: [BatchOutcome] = []
    /// Files in scope for this shard (audited or skipped).
    package var filesInScope: Int = 0
    /// Files that belong to other shards.
    package var otherShards: Int = 0
    /// Files the model saw.
    package var audited: [String] = []
    /// Line counts of the audited files.
    package var lineCounts: [String: Int] = [:]
    package var skipped: [SkippedFile] = []
    package var findings: [AuditFinding] = []
    package var belowMinSeverity: Int = 0
    package var duration: Duration = .zero
    package var warnings: [String] = []

    /// Memberwise initialiser for the required parts.
    package init(repository: String, model: String, modelInfo: ModelInfo, dryRun: Bool, plan: BatchPlan) {
        self.repository = repository
        self.model = model
        self.modelInfo = modelInfo
        self.dryRun = dryRun
        self.plan = plan
    }

    /// Tokens billed.
    package var usage: TokenUsage { outcomes.reduce(.zero) { $0 + $1.usage } }
    /// Estimated cost in US dollars, `nil` when the price is unknown.
    package var costUSD: Double? { modelInfo.cost(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens) }

    /// Files not (fully) audited: skipped up front, or in a failed or held-back request.
    package var notAudited: [SkippedFile] {
        skipped + outcomes.filter { $0.review == nil }.flatMap { outcome -> [SkippedFile] in
            guard case .failed(let why) = outcome.result else { return [] }
            let reason: SkipReason = outcome.heldBackByCostCap ? .capReached("max-cost-usd") : .modelFailed(why)
            return outcome.batch.paths.map { SkippedFile(path: $0, reason: reason) }
        }
    }

    /// Files the model reviewed successfully.
    package var auditedSuccessfully: [String] {
        var seen = Set<String>()
        return outcomes.filter { $0.review != nil }.flatMap(\.batch.paths).filter { seen.insert($0).inserted }
    }

    /// Step outputs of an audit.
    package func outputs(sarifPath: String) -> [(name: String, value: String)] {
        StepOutputs.make([
            "findings": String(findings.count),
            "files-reviewed": String(dryRun ? plan.reviewedPaths.count : auditedSuccessfully.count),
            "files-skipped": String(Set(notAudited.map(\.path)).count),
            "model-requests": String(outcomes.filter { $0.usage != .zero || $0.review != nil }.count),
            "prompt-tokens": String(dryRun ? plan.promptTokens : usage.promptTokens),
            "completion-tokens": String(usage.completionTokens),
            "cost-usd": costUSD.map { Format.usd($0) } ?? "",
            "sarif-file": sarifPath,
        ])
    }
}

/// The checked-out repository, as the audit reads it.
package protocol WorkspaceSource: Sendable {
    /// Every file path, relative and `/`-separated (tracked files when it is a git checkout).
    func listFiles() throws -> [String]
    /// The file's text, or why it cannot be audited (binary, too large, unreadable).
    func read(_ path: String) -> Result<AuditFile, SkippedFile>
}

/// Audits whole files of the checked-out repository in budgeted batches.
package struct AuditPipeline: Sendable {
    package var inputs: ProbotInputs
    package var counter: any TokenCounter
    package var model: (any ChatModel)?
    package var console: any RunConsole
    package var examples: [ChatMessage]
    package var now: @Sendable () -> ContinuousClock.Instant

    /// Memberwise initialiser; `model` may be `nil` for a dry run.
    package init(
        inputs: ProbotInputs, counter: any TokenCounter, model: (any ChatModel)?, console: any RunConsole,
        examples: [ChatMessage] = [], now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.inputs = inputs
        self.counter = counter
        self.model = model
        self.console = console
        self.examples = examples
        self.now = now
    }

    /// Audits the files of `workspace` in scope, reading only those.
    /// - Throws: when the workspace cannot be listed.
    package func run(workspace: any WorkspaceSource, repository: String, commit: String) async throws -> AuditReport {
        let start = now()
        let engine = ReviewEngine(inputs: inputs, counter: counter, model: model, console: console)
        let modelInfo = engine.modelInfo
        var builder = engine.promptBuilder(title: "", description: "")
        builder.mode = .audit
        builder.examples = examples
        let budget = ReviewBudget.make(
            maxPromptTokens: inputs.maxPromptTokens, model: modelInfo, reasoning: ChatRequest.isReasoningModel(inputs.model))
        let batcher = PromptBatcher(counter: counter, builder: builder, budget: budget)

        console.beginGroup("Audit plan")
        let scope = AuditScope(
            filter: PathFilter(include: inputs.include, exclude: inputs.exclude), paths: inputs.auditPaths,
            shard: inputs.shard, maxFiles: inputs.maxFiles)
        // `max-files` counts files the model will see: binaries and oversized files do not use up the cap.
        var uncapped = scope
        uncapped.maxFiles = 0
        let selection = uncapped.select(try workspace.listFiles())
        var chosen: [AuditFile] = []
        var unreadableInScope: [SkippedFile] = []
        var capped: [SkippedFile] = []
        for path in selection.selected {
            if inputs.maxFiles > 0 && chosen.count >= inputs.maxFiles {
                capped.append(SkippedFile(path: path, reason: .capReached("max-files \(inputs.maxFiles)")))
                continue
            }
            switch workspace.read(path) {
            case .success(let file): chosen.append(file)
            case .failure(let skipped): unreadableInScope.append(skipped)
            }
        }
        var report = AuditReport(
            repository: repository, model: inputs.model, modelInfo: modelInfo, dryRun: inputs.dryRun,
            plan: batcher.plan(chosen.map { $0.asFileDiff() }))
        report.commit = commit
        report.shard = inputs.shard
        report.otherShards = selection.otherShards
        report.skipped = unreadableInScope + selection.skipped + capped + report.plan.skipped
        report.filesInScope = selection.selected.count + selection.skipped.count
        report.audited = chosen.map(\.path)
        report.lineCounts = Dictionary(chosen.map { ($0.path, $0.lineCount) }, uniquingKeysWith: { first, _ in first })
        console.info(
            "\(chosen.count) file(s) to audit in \(report.plan.batches.count) request(s)"
                + (inputs.shard.map { " (shard \($0), \(selection.otherShards) file(s) in other shards)" } ?? "")
                + "; \(report.skipped.count) left out")
        console.endGroup()
        guard !inputs.dryRun, let model, !report.plan.batches.isEmpty else {
            report.duration = now() - start
            return report
        }

        let gate = CostGate(capUSD: inputs.maxCostUSD, model: modelInfo, completionReserve: budget.completionTokens)
        if inputs.maxCostUSD > 0 && gate == nil {
            report.warnings.append("`max-cost-usd` cannot be enforced: the price of `\(inputs.model)` is unknown (set the price inputs)")
        }
        console.beginGroup("Audit with \(inputs.model): \(report.plan.batches.count) request(s)")
        var runner = BatchRunner(
            model: model, modelName: inputs.model, completionTokens: budget.completionTokens,
            maxConcurrency: inputs.maxConcurrency, reasoningEffort: inputs.reasoningEffort,
            splitter: BatchSplitter(builder: builder, counter: counter), now: now)
        runner.costGate = gate
        let console = self.console
        report.outcomes = await runner.run(report.plan.batches) { outcomes, finished, total in
            for outcome in outcomes { console.info(ReviewEngine.progressLine(outcome, finished: finished, total: total)) }
        }
        console.endGroup()
        if report.outcomes.contains(where: \.heldBackByCostCap) {
            report.warnings.append("the audit stopped at the max-cost-usd cap of $\(Format.usd(inputs.maxCostUSD)); the files left are listed and will be audited on a later run")
        }
        locate(&report)
        report.duration = now() - start
        return report
    }

    /// Keeps findings at or above `min-severity`, drops exact repeats, and marks those whose path or line is not
    /// a line of an audited file.
    private func locate(_ report: inout AuditReport) {
        var seen = Set<Finding>()
        for outcome in report.outcomes {
            for finding in outcome.review?.findings ?? [] where seen.insert(finding).inserted {
                guard finding.severity >= inputs.minSeverity else {
                    report.belowMinSeverity += 1
                    continue
                }
                var reason: String?
                if let count = report.lineCounts[finding.path] {
                    if finding.line > count || (finding.startLine ?? 1) < 1 || (finding.startLine ?? finding.line) > finding.line {
                        reason = "line \(finding.line) is not in the file (\(count) lines)"
                    }
                } else {
                    reason = "file not audited"
                }
                report.findings.append(AuditFinding(finding: finding, unlocated: reason))
            }
        }
        report.findings.sort { ($0.finding.severity, $1.finding.path, $1.finding.line) > ($1.finding.severity, $0.finding.path, $0.finding.line) }
    }
}
