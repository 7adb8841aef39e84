package import ProbotCore

/// Writes what a run produced where the runner reads it: annotations and log lines, the job summary
/// (`GITHUB_STEP_SUMMARY`) and the step outputs (`GITHUB_OUTPUT`). The only writer of those files.
package struct OutcomeReporter: Sendable {
    package var console: ActionsConsole
    /// Applied to the summary, so no secret reaches it.
    package var redactor: SecretRedactor
    /// `GITHUB_STEP_SUMMARY`; `nil` outside Actions.
    package var summaryPath: String?
    /// `GITHUB_OUTPUT`; `nil` outside Actions.
    package var outputPath: String?

    /// Memberwise initialiser.
    package init(console: ActionsConsole, redactor: SecretRedactor, summaryPath: String?, outputPath: String?) {
        self.console = console
        self.redactor = redactor
        self.summaryPath = summaryPath
        self.outputPath = outputPath
    }

    /// Writes `outcome`.
    /// - Throws: ``ActionsFileError`` when the summary or output file cannot be written.
    package func report(_ outcome: RunOutcome) throws {
        for diagnostic in outcome.annotations { console.annotate(diagnostic) }
        for line in outcome.log { console.info(line) }
        if let summaryPath { try StepSummaryWriter(path: summaryPath).write(redactor.redact(outcome.summary.rawValue)) }
        if let outputPath { try OutputFileWriter(path: outputPath).write(outcome.outputs) }
    }
}
