/// Writes an audit's SARIF log (a file in the workspace in production).
package protocol SarifSink: Sendable {
    /// Writes the log of `report`; returns where it was written.
    func write(_ report: AuditReport) throws -> String
}

/// The audit mode: audits the checked-out repository, writes SARIF, keeps the tracking issue. Its policy: the
/// repository's rules are read from the checkout (``RepositoryRules``); a dry run plans and writes nothing; the
/// tracking issue is updated by the first shard only, never when every request failed; failing to update it
/// is a warning, failing to write SARIF fails the step.
package struct AuditMode: Sendable {
    package var context: RunContext
    package var settings: AuditSettings
    package var workspace: any WorkspaceSource
    package var rules: RepositoryRules
    package var sarif: any SarifSink
    package var issues: any TrackingIssueStore
    /// The commit audited (`GITHUB_SHA`).
    package var commit: String
    /// A link to this workflow run, for the tracking issue.
    package var runURL: String?

    /// Memberwise initialiser.
    package init(
        context: RunContext, settings: AuditSettings, workspace: any WorkspaceSource, rules: RepositoryRules,
        sarif: any SarifSink, issues: any TrackingIssueStore, commit: String, runURL: String?
    ) {
        self.context = context
        self.settings = settings
        self.workspace = workspace
        self.rules = rules
        self.sarif = sarif
        self.issues = issues
        self.commit = commit
        self.runURL = runURL
    }

    /// Audits `repository` (`owner/name`).
    package func run(_ repository: String) async -> RunOutcome {
        var settings = self.settings
        var report: AuditReport
        do {
            var notes: [Diagnostic] = []
            switch await rules.read(at: commit) {
            case .loaded(let loaded): settings.review = ConfigMerge.apply(loaded, to: context.settings).0
            case .unreadable(let warning):
                settings.review = context.settings
                notes.append(warning)
            case .invalid(let error): throw RunError.invalidConfig(error)
            }
            report = try await AuditPipeline(
                profile: context.profile, settings: settings, counter: context.counter, model: context.model,
                console: context.console, now: context.now
            ).run(workspace: workspace, repository: repository, commit: commit)
            // In the report, so the job summary and the tracking issue say the file was not applied.
            report.diagnostics = notes + report.diagnostics
        } catch {
            return .failed(RunError(error), subject: "audit of \(repository)")
        }
        var diagnostics = report.diagnostics
        var sarifPath: String?
        var writeFailure: RunError?
        if !report.dryRun {
            do {
                let path = try sarif.write(report)
                sarifPath = path
                let located = report.findings.filter { $0.unlocated == nil }.count
                context.console.info("SARIF: \(path) (\(located) result(s))")
            } catch {
                writeFailure = .service("could not write the SARIF file: \(error)")
            }
        }
        let failed = report.outcomes.filter { $0.review == nil && !$0.heldBackByCostCap }
        let allFailed = !report.outcomes.isEmpty && failed.count == report.outcomes.count
        if !report.dryRun && !allFailed && (settings.shard == nil || settings.shard?.index == 1) {
            if let warning = await updateTrackingIssue(report, repository: repository) { diagnostics.append(warning) }
        }
        let failure: RunError? =
            writeFailure
            ?? (allFailed
                ? failed.first?.failure.map { .everyRequestFailed(first: $0) }
                : context.failurePolicy.failure(
                    posted: report.findings.map(\.finding), failedBatches: failed.count,
                    unreviewed: failed.flatMap(\.batch.paths)))
        return RunOutcome(
            kind: .audit(report), summary: AuditRenderer.summary(report, sarifPath: sarifPath, failure: failure),
            outputs: report.outputs(sarifPath: sarifPath ?? ""), annotations: diagnostics, failure: failure)
    }

    /// Creates or updates the tracking issue; a failure is only a warning.
    private func updateTrackingIssue(_ report: AuditReport, repository: String) async -> Diagnostic? {
        let parts = repository.split(separator: "/").map(String.init)
        guard parts.count == 2 else {
            return .warning("cannot update the audit issue: `\(repository)` is not owner/name")
        }
        do {
            let existing = try await issues.findTrackingIssue(owner: parts[0], repo: parts[1], label: settings.label)
            let number = try await issues.upsertTrackingIssue(
                owner: parts[0], repo: parts[1], existing: existing,
                title: "ChatGPT Probot audit: \(report.findings.count) finding(s)",
                body: AuditRenderer.issue(report, runURL: runURL), label: settings.label)
            context.console.info(
                existing == nil ? "created tracking issue #\(number)" : "updated tracking issue #\(number)")
            return nil
        } catch {
            return .warning("could not update the audit issue (needs `issues: write`): \(error)")
        }
    }
}
