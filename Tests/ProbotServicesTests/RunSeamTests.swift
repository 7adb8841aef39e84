import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The wiring's seams driven directly: setup from an environment, and the one reporter writing files.
struct RunSeamTests {
    /// An environment for `eventName` with `event` written to a file, and inputs by name.
    static func environment(
        _ directory: TemporaryDirectory, eventName: String, event: String, inputs: [String: String]
    ) throws -> ActionEnvironment {
        try Data(event.utf8).write(to: directory.url.appendingPathComponent("event.json"))
        var variables = [
            "GITHUB_EVENT_NAME": eventName, "GITHUB_EVENT_PATH": directory.path("event.json"),
            "GITHUB_REPOSITORY": "octo/shop",
        ]
        for (name, value) in inputs { variables[ActionEnvironment.variableName(forInput: name)] = value }
        return ActionEnvironment(variables)
    }

    static let schedule = #"{"schedule":"0 3 * * 1","repository":{"full_name":"octo/shop"}}"#
    static let push = #"{"ref":"refs/heads/main","repository":{"full_name":"octo/shop"}}"#

    @Test func setupPlansAnAuditWithValidInputs() throws {
        let directory = try TemporaryDirectory()
        let setup = try RunSetup.read(
            try Self.environment(
                directory, eventName: "schedule", event: Self.schedule,
                inputs: ["openai-api-key": "sk-test", "github-token": "t"]))
        #expect(setup.plan == .audit(repository: "octo/shop"))
        #expect(setup.warnings.isEmpty)
    }

    @Test func setupRefusesInvalidInputsWhenThereIsWork() throws {
        let directory = try TemporaryDirectory()
        let environment = try Self.environment(
            directory, eventName: "schedule", event: Self.schedule,
            inputs: ["openai-api-key": "sk-test", "github-token": "t", "max-concurrency": "0"])
        #expect {
            try RunSetup.read(environment)
        } throws: { error in
            guard case .invalidInputs(let inputs) = error as? RunError else { return false }
            return inputs.problems.contains { $0.input == "max-concurrency" }
        }
    }

    @Test func nothingToDoNeverFailsButWarnsAboutInputs() throws {
        let directory = try TemporaryDirectory()
        let setup = try RunSetup.read(
            try Self.environment(directory, eventName: "push", event: Self.push, inputs: ["max-concurrency": "0"]))
        guard case .skip = setup.plan else {
            Issue.record("a push has nothing to do")
            return
        }
        #expect(setup.warnings.count == 1)
    }

    @Test func aMissingEventFileIsAnEventError() throws {
        #expect {
            try RunSetup.read(ActionEnvironment(["GITHUB_EVENT_NAME": "push"]))
        } throws: { error in
            (error as? RunError) == .event(.missingEventPath)
        }
    }

    @Test func theReporterWritesAnnotationsSummaryAndOutputsWithSecretsHidden() throws {
        let directory = try TemporaryDirectory()
        let sink = LineSink()
        let secret = "sk-live-0123456789abcdef"
        let redactor = SecretRedactor([secret])
        let console = ActionsConsole(workflowCommands: true, redactor: redactor, write: sink.write)
        let reporter = OutcomeReporter(
            console: console, redactor: redactor, summaryPath: directory.path("summary.md"),
            outputPath: directory.path("output"))
        var outcome = RunOutcome.skipped("nothing to review")
        outcome.summary += "\(text: "the key was " + secret)\n"
        outcome.annotations.append(.warning("echoed " + secret))
        try reporter.report(outcome)
        let summary = try String(contentsOfFile: directory.path("summary.md"), encoding: .utf8)
        #expect(summary.contains("nothing to review"))
        #expect(!summary.contains(secret) && !summary.contains(String(secret.prefix(12))))
        #expect(sink.lines.contains { $0.hasPrefix("::notice::") && $0.contains("nothing to review") })
        #expect(!sink.lines.joined().contains(secret))
        let outputs = try OutputFileParser.parse(try String(contentsOfFile: directory.path("output"), encoding: .utf8))
        #expect(outputs["findings"] == "0")
    }

    @Test func theReporterFailsClearlyWhenTheSummaryCannotBeWritten() throws {
        let console = ActionsConsole(workflowCommands: true, redactor: SecretRedactor([]), write: { _ in })
        let reporter = OutcomeReporter(
            console: console, redactor: SecretRedactor([]), summaryPath: "/nonexistent/dir/summary.md",
            outputPath: nil)
        #expect(throws: (any Error).self) { try reporter.report(.skipped("x")) }
    }
}
