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
        let redactor = SecretRedactor([environment.input("openai-api-key"), environment.input("github-token")])
        let console = ActionsConsole(workflowCommands: environment.isGitHubActions, redactor: redactor) { line in
            print(line)
        }
        var logger = Logger(label: "chatgpt-probot") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = environment["RUNNER_DEBUG"] == "1" ? .debug : .warning
        let runner = ActionRunner(
            environment: environment, transport: URLSessionTransport(timeout: 180), console: console, logger: logger,
            clock: ContinuousClock())
        do {
            try await runner.run()
        } catch {
            // The one place that turns an error into an annotation and an exit status.
            console.error(redactor.redact(String(describing: error)))
            throw ExitCode.failure
        }
    }
}
