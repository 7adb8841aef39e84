package import Foundation
import Logging
package import ProbotCore

/// The one entry of the action, used by the executable and by the test harness alike: builds the console and
/// the log from the environment, runs once, and writes the failure as the step's `::error::` line.
package enum ActionEntry {
    /// Runs the action for `environment`, writing every log line with `write`.
    /// - Returns: the outcome; its ``RunOutcome/exitStatus`` is the step's.
    package static func run<C: Clock>(
        environment: ActionEnvironment, transport: any HTTPTransport, clock: C,
        wallClock: @escaping @Sendable () -> Date = { Date() }, build: String? = nil,
        write: @escaping @Sendable (String) -> Void
    ) async -> RunOutcome where C.Duration == Duration {
        let redactor = SecretRedactor(environment.secrets)
        let console = ActionsConsole(workflowCommands: environment.isGitHubActions, redactor: redactor, write: write)
        var logger = Logger(label: "chatgpt-probot") { _ in ConsoleLogHandler(console: console) }
        logger.logLevel = environment["RUNNER_DEBUG"] == "1" ? .debug : .warning
        var runner = ActionRunner(
            environment: environment, transport: transport, console: console, logger: logger, clock: clock,
            wallClock: wallClock)
        runner.build = build
        let outcome = await runner.run()
        // The one place that turns an outcome into an error annotation.
        if let failure = outcome.failure { console.error(failure.description) }
        return outcome
    }
}
