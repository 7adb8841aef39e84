package import Foundation
package import ProbotCore
import ProbotServices

/// Runs the action through ``ActionEntry`` (the executable's own entry) the way the GitHub runner starts the container: an event file, `GITHUB_*` variables,
/// `INPUT_*` variables with hyphens, and `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files, over real HTTP.
package struct ActionHarness {
    package let directory: TemporaryDirectory
    /// The environment the run sees; tests may add to it.
    package var environment: [String: String]
    package let sink = LineSink()
    /// Virtual time for retries and rate limits: tests never sleep.
    package let clock = MockClock()

    /// Prepares a run for `eventName` with the payload `event` (JSON) and `inputs` by input name.
    package init(eventName: String, event: Data, inputs: [String: String], githubURL: URL) throws {
        directory = try TemporaryDirectory()
        try event.write(to: directory.url.appendingPathComponent("event.json"))
        environment = [
            "GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_EVENT_NAME": eventName,
            "GITHUB_EVENT_PATH": directory.path("event.json"), "GITHUB_OUTPUT": directory.path("output"),
            "GITHUB_STEP_SUMMARY": directory.path("summary.md"), "GITHUB_API_URL": githubURL.absoluteString,
            "GITHUB_REPOSITORY": "octo/shop", "GITHUB_SHA": "mergecommitsha", "GITHUB_WORKSPACE": directory.url.path,
            "INPUT_GITHUB-TOKEN": "",
        ]
        for (name, value) in inputs { environment[ActionEnvironment.variableName(forInput: name)] = value }
    }

    /// Runs once; returns the review report, or throws the run's ``RunError`` when the step would fail.
    @discardableResult
    package func run() async throws -> RunReport? {
        let outcome = await perform()
        if let failure = outcome.failure { throw failure }
        return outcome.review
    }

    /// Runs once and returns whatever the run did (review, audit, command, skip), failure included.
    @discardableResult
    package func perform() async -> RunOutcome {
        let sink = self.sink
        return await ActionEntry.run(
            environment: ActionEnvironment(environment), transport: URLSessionTransport(timeout: 30), clock: clock,
            wallClock: { [clock] in clock.wallClock() }, write: { sink.write($0) })
    }

    /// Runs once and returns the step's exit status as the executable derives it, with the report and the failure.
    package func runForExit() async -> (status: Int32, report: RunReport?, error: RunError?) {
        let outcome = await perform()
        return (outcome.exitStatus, outcome.review, outcome.failure)
    }

    /// The job summary written so far.
    package var summary: String { (try? String(contentsOfFile: directory.path("summary.md"), encoding: .utf8)) ?? "" }

    /// Step outputs parsed with the runner's heredoc rules.
    package var outputs: [String: String] {
        get throws {
            try OutputFileParser.parse((try? String(contentsOfFile: directory.path("output"), encoding: .utf8)) ?? "")
        }
    }

    /// Log lines written.
    package var log: [String] { sink.lines }
}

/// Parses `GITHUB_OUTPUT` as the runner does (`name=value` or `name<<DELIM … DELIM`), failing where it fails.
package enum OutputFileParser {
    /// A malformed file, with the runner's message.
    package struct Malformed: Error, CustomStringConvertible {
        package var description: String
    }

    /// The outputs by name.
    package static func parse(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" {
            lines.removeLast()
        } else if !lines.isEmpty {
            throw Malformed(description: "EOF marker missing new line.")
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if let range = line.range(of: "<<"), !line[..<range.lowerBound].contains("=") {
                let name = String(line[..<range.lowerBound])
                let delimiter = String(line[range.upperBound...])
                guard !name.isEmpty, !delimiter.isEmpty else { throw Malformed(description: "empty name or delimiter") }
                var value: [String] = []
                while index < lines.count && lines[index] != delimiter {
                    value.append(lines[index])
                    index += 1
                }
                guard index < lines.count else {
                    throw Malformed(description: "Matching delimiter not found '\(delimiter)'")
                }
                index += 1
                result[name] = value.joined(separator: "\n")
            } else if let equals = line.firstIndex(of: "=") {
                result[String(line[..<equals])] = String(line[line.index(after: equals)...])
            } else if !line.isEmpty {
                throw Malformed(description: "Invalid format '\(line)'")
            }
        }
        return result
    }
}
