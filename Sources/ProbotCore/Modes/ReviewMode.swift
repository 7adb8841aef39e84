/// The review mode: reviews one pull request and decides, once, from the finished report, whether the step
/// fails. Its policy: the repository's rules are read at the base (``RepositoryRules``); skip rules apply only to
/// pull-request events; a dry run plans and stops before any model call; failure is `fail-on`, every request
/// failing, or posting failing, in the same words in the job summary and the `::error::` line.
package struct ReviewMode: Sendable {
    package var pipeline: ReviewPipeline
    package var policy: FailurePolicy

    /// Memberwise initialiser.
    package init(pipeline: ReviewPipeline, policy: FailurePolicy) {
        self.pipeline = pipeline
        self.policy = policy
    }

    /// Reviews `ref`; never throws: a failure is in the outcome, with everything done until then.
    /// - Parameter appliesSkipRules: `false` for a review someone asked for (by number or `/review`).
    package func run(_ ref: PullRequestRef, appliesSkipRules: Bool) async -> RunOutcome {
        var pipeline = self.pipeline
        pipeline.appliesSkipRules = appliesSkipRules
        do {
            return Self.outcome(try await pipeline.run(ref), policy: policy)
        } catch {
            return .failed(RunError(error), subject: "\(ref)")
        }
    }

    /// The outcome of a finished (or stopped-short) review.
    package static func outcome(_ report: RunReport, policy: FailurePolicy) -> RunOutcome {
        if let rule = report.skippedBy, let ref = report.pullRequest {
            return .skipped(
                "pull request #\(ref.number) matches the skip rule \(rule): it was not reviewed",
                warnings: report.diagnostics)
        }
        let failure =
            report.failure
            ?? policy.failure(
                posted: report.placement.posted, failedBatches: report.failedOutcomes.count,
                unreviewed: StickySummaryRenderer.pendingPaths(report))
        return RunOutcome(
            kind: .review(report), summary: JobSummaryRenderer.render(report, failure: failure),
            outputs: report.outputs, annotations: annotations(report),
            log: report.dryRun ? [TerminalReportRenderer.plan(report)] : [], failure: failure)
    }

    /// The report's diagnostics; when nothing could be posted, first the most severe findings as annotations on
    /// their lines, so they are not lost.
    private static func annotations(_ report: RunReport) -> [Diagnostic] {
        guard report.publishBlocked != nil else { return report.diagnostics }
        let findings = report.placement.posted.sorted { $0.severity > $1.severity }
        return findings.prefix(RunOutcome.warningAnnotationLimit).map {
            Diagnostic(.warning, "[\($0.severity.rawValue)] \($0.title): \($0.body)", file: $0.path, line: $0.line)
        } + report.diagnostics
    }
}
