/// What one run of any mode produced, for the reporter (summary, outputs, annotations) and for the one place
/// that turns it into an exit status.
package struct RunOutcome: Sendable {
    /// What the run did.
    package enum Kind: Sendable {
        case review(RunReport)
        case audit(AuditReport)
        case command(CommandResponder.Outcome)
        case skipped(String)
    }

    package var kind: Kind
    /// The job summary's Markdown.
    package var summary: Markdown
    /// Every step output, in `action.yml` order.
    package var outputs: [(name: String, value: String)]
    /// Annotations to raise, in order (notices, warnings with their file and line).
    package var annotations: [Diagnostic]
    /// Plain log lines for the end of the log (e.g. a dry run's plan).
    package var log: [String] = []
    /// Why the step fails; `nil` when it passes.
    package var failure: RunError?

    /// Memberwise initialiser.
    package init(
        kind: Kind, summary: Markdown, outputs: [(name: String, value: String)], annotations: [Diagnostic] = [],
        log: [String] = [], failure: RunError? = nil
    ) {
        self.kind = kind
        self.summary = summary
        self.outputs = outputs
        self.annotations = annotations
        self.log = log
        self.failure = failure
    }

    /// A run that did nothing, and why: a notice, a short summary, empty outputs. Never fails the step.
    package static func skipped(_ reason: String, warnings: [Diagnostic] = []) -> RunOutcome {
        RunOutcome(
            kind: .skipped(reason), summary: "## 🤖 ChatGPT Probot\n\nNothing to review: \(text: reason)\n",
            outputs: StepOutputs.make([:]), annotations: [.note(reason)] + warnings)
    }

    /// A run that failed before it produced a report: the error in the summary, empty outputs.
    /// - Parameter subject: what the run was about (a pull request, a repository), for the summary's title.
    package static func failed(_ error: RunError, subject: String? = nil) -> RunOutcome {
        RunOutcome(
            kind: .skipped(error.description),
            summary: "## 🤖 ChatGPT Probot" + (subject.map { " · \(text: $0)" } ?? .empty) + "\n\n"
                + JobSummaryRenderer.failureCallout(error),
            outputs: StepOutputs.make([:]), failure: error)
    }

    /// The review report, when the run reviewed a pull request.
    package var review: RunReport? {
        if case .review(let report) = kind { return report }
        return nil
    }

    /// The audit report, when the run audited the repository.
    package var audit: AuditReport? {
        if case .audit(let report) = kind { return report }
        return nil
    }

    /// The command's outcome, when the run answered a comment command.
    package var command: CommandResponder.Outcome? {
        if case .command(let outcome) = kind { return outcome }
        return nil
    }

    /// GitHub shows at most this many warning annotations per step.
    package static let warningAnnotationLimit = 10

    /// The exit status of the step: 0 when it passes, 1 when it fails.
    package var exitStatus: Int32 { failure == nil ? 0 : 1 }
}
