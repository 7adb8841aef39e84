import Foundation
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
package struct LocalReviewRunner: Sendable {
    package var inputs: ProbotInputs
    package var transport: any HTTPTransport
    package var console: any RunConsole
    package var counter: any TokenCounter

    /// Memberwise initialiser; the counter defaults to the model's exact encoding.
    package init(inputs: ProbotInputs, transport: any HTTPTransport, console: any RunConsole, counter: (any TokenCounter)? = nil) {
        self.inputs = inputs
        self.transport = transport
        self.console = console
        if let counter {
            self.counter = counter
        } else {
            let (counter, warning) = TokenCounterFactory.make(model: inputs.model)
            if let warning { console.warning(warning) }
            self.counter = counter
        }
    }

    /// Plans (and unless a dry run, reviews) `diff`.
    /// - Returns: the report and its Markdown rendering.
    package func run(diff: String) async throws -> (report: RunReport, markdown: String) {
        let changed = UnifiedDiffParser.parse(diff)
        guard !changed.isEmpty else { throw LocalReviewError.emptyDiff }
        let needsKey = inputs.provider == .openai || inputs.provider == .azure
        if !inputs.dryRun && needsKey && inputs.openAIAPIKey == nil { throw LocalReviewError.missingKey }
        let model: (any ChatModel)? =
            inputs.dryRun ? nil : OpenAIClient(endpoint: ModelEndpoint.resolve(inputs), transport: transport, timeout: TimeInterval(inputs.requestTimeoutSeconds))
        let engine = ReviewEngine(inputs: inputs, counter: counter, model: model, console: console)
        let start = engine.now()
        var report = RunReport(
            pullRequest: nil, model: inputs.model, modelInfo: engine.modelInfo, dryRun: inputs.dryRun,
            plan: .empty(counterName: counter.name))
        await engine.review(changed, title: "", description: "", into: &report)
        report.duration = engine.now() - start
        let failed = report.failedOutcomes
        if !report.outcomes.isEmpty && failed.count == report.outcomes.count, case .failed(let why) = failed[0].result {
            throw RunFailure(report: report, message: "every model request failed; first error: \(why)")
        }
        let markdown = inputs.dryRun ? TerminalReportRenderer.plan(report) : TerminalReportRenderer.review(report)
        return (report, markdown)
    }
}
