package import Foundation
package import ProbotCore

/// Why a local review cannot start.
package enum LocalReviewError: Error, Equatable, CustomStringConvertible {
    case missingKey
    case emptyDiff

    package var description: String {
        switch self {
        case .missingKey:
            "set OPENAI_API_KEY (or pass --dry-run to see the plan and cost without calling the model)"
        case .emptyDiff:
            "the diff has no files; pass the output of `git diff` (e.g. `git diff main...HEAD > change.diff`)"
        }
    }
}

/// Reviews a unified diff from a file or stdin, without GitHub, and renders Markdown for the terminal.
/// Its model client comes from the same ``ServiceFactory`` as the action's, so 429s and 5xx are retried alike.
package struct LocalReviewRunner<C: Clock>: Sendable where C.Duration == Duration {
    package var inputs: ProbotInputs
    package var factory: ServiceFactory<C>
    package var counter: any TokenCounter
    /// A checkout at the diff's new side to read `.gitattributes`, agent instructions and file text from.
    package var repository: URL?

    /// Memberwise initialiser; the counter defaults to the model's exact encoding.
    package init(inputs: ProbotInputs, factory: ServiceFactory<C>, counter: (any TokenCounter)? = nil) {
        self.inputs = inputs
        self.factory = factory
        if let counter {
            self.counter = counter
        } else {
            let (counter, warning) = factory.counter(model: inputs.model)
            if let warning { factory.console.warning(warning.message) }
            self.counter = counter
        }
    }

    /// Plans (and unless a dry run, reviews) `diff`.
    /// - Returns: the report and its Markdown rendering.
    /// - Throws: ``LocalReviewError`` before any work; ``RunError/everyRequestFailed(first:)`` when no request
    ///   succeeded.
    package func run(diff: String) async throws -> (report: RunReport, markdown: String) {
        let changed = UnifiedDiffParser.parse(diff)
        guard !changed.isEmpty else { throw LocalReviewError.emptyDiff }
        let needsKey = inputs.provider == .openai || inputs.provider == .azure
        if !inputs.dryRun && needsKey && inputs.openAIAPIKey == nil { throw LocalReviewError.missingKey }
        let local = await LocalRepository.prepare(root: repository, changed, settings: inputs.reviewSettings)
        let engine = ReviewEngine(
            profile: inputs.modelProfile, settings: local.settings, counter: counter,
            model: factory.model(inputs), console: factory.console)
        let start = engine.now()
        let planned = engine.plan(changed, title: "", description: "", sources: local.sources)
        var report = RunReport(
            ref: nil, fetched: nil, selection: FileSelector.Selection(files: changed), planned: planned, engine: engine)
        let round = await engine.round(planned.plan, files: planned.files, title: "", description: "")
        report.outcomes = round.outcomes
        (report.placement, report.diagnostics) = engine.place(report.outcomes, files: planned.files)
        report.diagnostics = local.diagnostics + report.diagnostics
        report.record(round.summary)
        report = report.finished(at: engine.now() - start)
        let failed = report.failedOutcomes
        if let first = failed.first?.failure, failed.count == report.outcomes.count {
            throw RunError.everyRequestFailed(first: first)
        }
        let markdown = inputs.dryRun ? TerminalReportRenderer.plan(report) : TerminalReportRenderer.review(report)
        return (report, markdown)
    }
}
