import ArgumentParser
import Foundation
import ProbotCore
import ProbotServices

/// Runs as the GitHub Action: reads `GITHUB_*` and `INPUT_*` from the environment.
struct ActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Run as the GitHub Action (the default): review the pull request of the workflow event."
    )

    func run() async throws {
        let outcome = await ActionEntry.run(
            environment: ActionEnvironment(ProcessInfo.processInfo.environment),
            transport: URLSessionTransport(timeout: 180), clock: ContinuousClock(),
            build: "\(BuildInfo.version) (`\(BuildInfo.revision.prefix(12))`)"
        ) { line in print(line) }
        if outcome.failure != nil { throw ExitCode(outcome.exitStatus) }
    }
}
