/// Audits whole files of the checked-out repository in budgeted batches.
package struct AuditPipeline: Sendable {
    package var profile: ModelProfile
    package var settings: AuditSettings
    package var counter: any TokenCounter
    /// Never asked on a dry run.
    package var model: any ChatModel
    package var console: any RunConsole
    package var now: @Sendable () -> ContinuousClock.Instant
    /// Names declared in the repository, for the claim check; `nil` checks against what each request showed.
    package var declarations: (any DeclarationLookup)?

    /// Memberwise initialiser.
    package init(
        profile: ModelProfile, settings: AuditSettings, counter: any TokenCounter, model: any ChatModel,
        console: any RunConsole, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.profile = profile
        self.settings = settings
        self.counter = counter
        self.model = model
        self.console = console
        self.now = now
    }

    /// Audits the files of `workspace` in scope, reading only those.
    /// - Throws: when the workspace cannot be listed.
    package func run(workspace: any WorkspaceSource, repository: String, commit: String) async throws -> AuditReport {
        let start = now()
        let builder = settings.review.promptBuilder(mode: .audit)
        let batcher = PromptBatcher(counter: counter, builder: builder, budget: profile.budget)
        let maxFiles = settings.maxFiles

        console.beginGroup("Audit plan")
        // `max-files` counts files the model will see: binaries and oversized files do not use up the cap.
        var uncapped = settings.scope
        uncapped.maxFiles = 0
        let selection = uncapped.select(try workspace.listFiles())
        let (chosen, unreadableInScope, capped) = Self.read(selection.selected, from: workspace, maxFiles: maxFiles)
        var report = AuditReport(
            repository: repository, model: profile.name, modelInfo: profile.info, dryRun: settings.review.dryRun,
            plan: batcher.plan(chosen.map { $0.asFileDiff() }))
        report.commit = commit
        report.shard = settings.shard
        report.otherShards = selection.otherShards
        report.skipped = unreadableInScope + selection.skipped + capped + report.plan.skipped
        report.filesInScope = selection.selected.count + selection.skipped.count
        report.audited = chosen.map(\.path)
        report.lineCounts = Dictionary(chosen.map { ($0.path, $0.lineCount) }, uniquingKeysWith: { first, _ in first })
        console.info(
            "\(chosen.count) file(s) to audit in \(report.plan.batches.count) request(s)"
                + (settings.shard.map { " (shard \($0), \(selection.otherShards) file(s) in other shards)" } ?? "")
                + "; \(report.skipped.count) left out")
        console.endGroup()
        guard !settings.review.dryRun, !report.plan.batches.isEmpty else {
            report.duration = now() - start
            return report
        }

        await ask(&report, builder: builder)
        locate(&report, outcomes: checkClaims(&report))
        report.duration = now() - start
        return report
    }

    /// Reads the files in scope, up to `max-files` readable ones; the rest are unreadable or past the cap.
    private static func read(_ paths: [String], from workspace: any WorkspaceSource, maxFiles: Int) -> (
        chosen: [AuditFile], unreadable: [SkippedFile], capped: [SkippedFile]
    ) {
        var chosen: [AuditFile] = []
        var unreadable: [SkippedFile] = []
        var capped: [SkippedFile] = []
        for path in paths {
            if maxFiles > 0 && chosen.count >= maxFiles {
                capped.append(SkippedFile(path: path, reason: .capReached("max-files \(maxFiles)")))
                continue
            }
            switch workspace.read(path) {
            case .success(let file): chosen.append(file)
            case .failure(let skipped): unreadable.append(skipped)
            }
        }
        return (chosen, unreadable, capped)
    }

    /// Sends the batches within the cost cap, logging a line per finished batch.
    private func ask(_ report: inout AuditReport, builder: PromptBuilder) async {
        let gate = CostGate(
            capUSD: settings.maxCostUSD, model: profile.info, completionReserve: profile.budget.completionTokens)
        if settings.maxCostUSD > 0 && gate == nil {
            report.diagnostics.append(
                .warning(
                    "`max-cost-usd` cannot be enforced: the price of `\(profile.name)` is unknown (set the price inputs)"
                ))
        }
        console.beginGroup("Audit with \(profile.name): \(report.plan.batches.count) request(s)")
        let runner = BatchRunner(
            model: model, profile: profile, maxConcurrency: settings.review.maxConcurrency,
            splitter: BatchSplitter(builder: builder, counter: counter), costGate: gate, now: now)
        let console = self.console
        report.outcomes = await runner.run(report.plan.batches) { outcomes, finished, total in
            for outcome in outcomes { console.info(PlanLog.progressLine(outcome, finished: finished, total: total)) }
        }
        console.endGroup()
        if report.outcomes.contains(where: \.heldBackByCostCap) {
            report.diagnostics.append(
                .warning(
                    "the audit stopped at the max-cost-usd cap of \(Format.dollars(settings.maxCostUSD)); the files left are listed and will be audited on a later run"
                ))
        }
    }

    /// Keeps findings at or above `min-severity`, drops exact repeats, and marks those whose path or line is not
    /// a line of an audited file.
    private func locate(_ report: inout AuditReport, outcomes: [BatchOutcome]) {
        var seen = Set<Finding>()
        for outcome in outcomes {
            for finding in outcome.review?.findings ?? [] where seen.insert(finding).inserted {
                guard finding.severity >= settings.review.minSeverity else {
                    report.belowMinSeverity += 1
                    continue
                }
                var reason: String?
                if let count = report.lineCounts[finding.path] {
                    if finding.line > count || (finding.startLine ?? 1) < 1
                        || (finding.startLine ?? finding.line) > finding.line
                    {
                        reason = "line \(finding.line) is not in the file (\(count) lines)"
                    }
                } else {
                    reason = "file not audited"
                }
                report.findings.append(AuditFinding(finding: finding, unlocated: reason))
            }
        }
        report.findings.sort {
            ($0.finding.severity, $1.finding.path, $1.finding.line) > (
                $1.finding.severity, $0.finding.path, $0.finding.line
            )
        }
    }
}
