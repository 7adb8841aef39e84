package import ProbotCore

/// The review mode: runs the pipeline on one pull request and turns its report into an outcome.
package struct ReviewRun: Sendable {
    package var pipeline: ReviewPipeline
    package var policy: FailurePolicy

    /// Memberwise initialiser.
    package init(pipeline: ReviewPipeline, policy: FailurePolicy) {
        self.pipeline = pipeline
        self.policy = policy
    }

    /// Reviews `ref`; never throws: a failure is in the outcome, with everything done until then.
    package func run(_ ref: PullRequestRef) async -> RunOutcome {
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
        var annotations: [Diagnostic] = []
        if report.publishBlocked != nil {
            // Nothing could be posted: the most severe findings become annotations on the files' lines.
            let findings = report.placement.posted.sorted { $0.severity > $1.severity }
            annotations += findings.prefix(ActionsConsole.warningAnnotationLimit).map {
                Diagnostic(.warning, "[\($0.severity.rawValue)] \($0.title): \($0.body)", file: $0.path, line: $0.line)
            }
        }
        annotations += report.diagnostics
        let failure =
            report.failure
            ?? policy.failure(
                posted: report.placement.posted, failedBatches: report.failedOutcomes.count,
                unreviewed: StickySummaryRenderer.pendingPaths(report))
        return RunOutcome(
            kind: .review(report), summary: JobSummaryRenderer.render(report, failure: failure),
            outputs: report.outputs,
            annotations: annotations, log: report.dryRun ? [TerminalReportRenderer.plan(report)] : [], failure: failure)
    }
}
