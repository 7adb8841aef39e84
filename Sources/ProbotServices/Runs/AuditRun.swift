package import Foundation
package import ProbotCore

/// The audit mode: audits the checked-out repository, writes SARIF, keeps the tracking issue, and turns the
/// report into an outcome.
package struct AuditRun: Sendable {
    package var pipeline: AuditPipeline
    package var settings: AuditSettings
    package var policy: FailurePolicy
    /// The checkout the audit reads.
    package var workspace: URL
    package var issues: any TrackingIssueStore
    package var console: any RunConsole
    /// Every credential of the run, hidden from the SARIF file.
    package var redactor: SecretRedactor
    /// The commit audited (`GITHUB_SHA`).
    package var commit: String
    /// A link to this workflow run, for the tracking issue.
    package var runURL: String?

    /// Memberwise initialiser.
    package init(
        pipeline: AuditPipeline, settings: AuditSettings, policy: FailurePolicy, workspace: URL,
        issues: any TrackingIssueStore, console: any RunConsole, commit: String, runURL: String?,
        redactor: SecretRedactor = SecretRedactor([])
    ) {
        self.redactor = redactor
        self.pipeline = pipeline
        self.settings = settings
        self.policy = policy
        self.workspace = workspace
        self.issues = issues
        self.console = console
        self.commit = commit
        self.runURL = runURL
    }

    /// Audits `repository` (`owner/name`).
    package func run(_ repository: String) async -> RunOutcome {
        let report: AuditReport
        do {
            let reader = WorkspaceReader(root: workspace, maxBytes: settings.maxFileBytes)
            report = try await pipeline.run(workspace: reader, repository: repository, commit: commit)
        } catch {
            return .failed(RunError(error), subject: "audit of \(repository)")
        }
        var diagnostics = report.diagnostics
        var sarifPath = ""
        var writeFailure: RunError?
        if !report.dryRun {
            let url =
                settings.sarifFile.hasPrefix("/")
                ? URL(fileURLWithPath: settings.sarifFile) : workspace.appendingPathComponent(settings.sarifFile)
            do {
                try SarifWriter.write(report, to: url, redactor: redactor)
                sarifPath = url.path
                console.info("SARIF: \(url.path) (\(report.findings.filter { $0.unlocated == nil }.count) result(s))")
            } catch {
                writeFailure = .service("could not write the SARIF file \(url.path): \(error)")
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
                : policy.failure(
                    posted: report.findings.map(\.finding), failedBatches: failed.count,
                    unreviewed: failed.flatMap(\.batch.paths)))
        return RunOutcome(
            kind: .audit(report),
            summary: AuditRenderer.summary(report, sarifPath: sarifPath.isEmpty ? nil : sarifPath),
            outputs: report.outputs(sarifPath: sarifPath), annotations: diagnostics, failure: failure)
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
            console.info(existing == nil ? "created tracking issue #\(number)" : "updated tracking issue #\(number)")
            return nil
        } catch {
            return .warning("could not update the audit issue (needs `issues: write`): \(error)")
        }
    }
}
