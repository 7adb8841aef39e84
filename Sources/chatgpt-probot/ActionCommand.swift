import ArgumentParser
import Foundation
import Logging
import ProbotCore
import ProbotServices

/// Runs as the GitHub Action: reads `GITHUB_*` and `INPUT_*` from the environment.
struct ActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Run as the GitHub Action (the default): review the pull request of the workflow event."
    )

    func run() async throws {
        let environment = ActionEnvironment(ProcessInfo.processInfo.environment)
        let redactor = SecretRedactor(ActionRunner<ContinuousClock>.secrets(environment))
        let console = ActionsConsole(workflowCommands: environment.isGitHubActions, redactor: redactor) { line in
            print(line)
        }
        var logger = Logger(label: "chatgpt-probot") { _ in ConsoleLogHandler(console: console) }
        logger.logLevel = environment["RUNNER_DEBUG"] == "1" ? .debug : .warning
        var runner = ActionRunner(
            environment: environment, transport: URLSessionTransport(timeout: 180), console: console, logger: logger,
            clock: ContinuousClock())
        runner.build = "\(BuildInfo.version) (`\(BuildInfo.revision.prefix(12))`)"
        let outcome = await runner.run()
        // The one place that turns an outcome into an error annotation and an exit status.
        if let failure = outcome.failure {
            console.error(failure.description)
            throw ExitCode(outcome.exitStatus)
        }
    }
}
