import ArgumentParser
import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Tokenizer

/// Runs the release binary as the GitHub runner would, against loopback fakes with a latency model, for pull
/// requests of several sizes, and compares the wall time with the floor the latency allows.
struct PipelineBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "End-to-end review time, requests, tokens, memory and start-up of the release binary, by PR size."
    )

    @Option(help: "The release binary to run.")
    var binary = ".build/release/chatgpt-probot"

    @Option(help: "Pull request sizes in files, comma-separated.")
    var sizes = "10,40,100,1000,3000"

    @Option(help: "A recorded `GET /pulls/N/files` JSON array to benchmark instead of synthetic pull requests.")
    var files: String?

    @Option(help: "Model latency: fixed seconds per request.")
    var fixed = 1.0

    @Option(help: "Model latency: extra seconds per 1,000 prompt tokens.")
    var perThousandPrompt = 0.0

    @Option(help: "Model latency: extra seconds per 100 completion tokens.")
    var perHundredCompletion = 0.0

    @Option(help: "The action's max-concurrency.")
    var concurrency = 4

    @Option(help: "The action's context-lines (0 turns the code around hunks off).")
    var contextLines = InputDefaults.contextLines

    @Option(help: "The action's optimize: time or cost.")
    var optimize = InputDefaults.optimize.rawValue

    func run() async throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError(
                "build it first: swift build -c release --product chatgpt-probot (looked for \(binary))")
        }
        print(
            "Latency model: \(fixed) s per request + \(perThousandPrompt) s per 1k prompt tokens + \(perHundredCompletion) s per 100 completion tokens; max-concurrency \(concurrency)"
        )
        print("")
        print(
            "| Files | Requests (reviews + summary) | Wall | Floor | Wall / floor | Expected | Expected / wall | GitHub requests (file pages + other) | Prompt tokens | Overhead | Prompt chars / patch char | Peak RSS | Start-up to first request |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
        let scenarios: [(String, [SyntheticPullRequest.File])]
        if let files {
            let data = try Data(contentsOf: URL(fileURLWithPath: files))
            let decoded = try JSONDecoder().decode([ChangedFile].self, from: data)
            scenarios = [
                (
                    "recorded",
                    decoded.map { SyntheticPullRequest.File(filename: $0.filename, status: $0.status, patch: $0.patch) }
                )
            ]
        } else {
            scenarios = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map {
                (String($0), SyntheticPullRequest.make(files: $0))
            }
        }
        var results: [(String, Measurement)] = []
        for (label, pullRequestFiles) in scenarios {
            let result = try await measure(pullRequestFiles)
            results.append((label, result))
            print(
                "| \(label) | \(result.reviews + result.summaries) (\(result.reviews) + \(result.summaries)) | \(format(result.wall)) s | \(format(result.floor)) s | \(ratio(result.wall / max(result.floor, 0.001))) | \(format(result.expected)) s | \(ratio(result.expected / max(result.wall, 0.001))) | \(result.githubRequests) (\(result.filePages) + \(result.githubRequests - result.filePages)) | \(Format.count(result.promptTokens)) | \(String(format: "%.1f %%", result.overheadShare * 100)) | \(String(format: "%.2f", result.promptCharactersPerPatchCharacter)) | \(result.peakRSSMB) MB | \(String(format: "%.0f ms", result.startup * 1000)) |"
            )
        }
        print("")
        for line in checks(results) { print(line) }
    }

    /// `1.07×`.
    func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }

    /// The issue's targets as PASS/FAIL lines, each with the figure it was judged on.
    func checks(_ results: [(String, Measurement)]) -> [String] {
        var lines: [String] = []
        func check(_ passed: Bool, _ text: String) { lines.append((passed ? "PASS " : "FAIL ") + text) }
        let answerBound = perHundredCompletion > 0
        for (label, result) in results {
            check(
                result.lastStart <= result.reviewsEnd + 0.001,
                "\(label) files: no model call starts after the review calls have finished (last start \(format(result.lastStart)) s, reviews done \(format(result.reviewsEnd)) s)"
            )
            let estimate = result.expected / max(result.wall, 0.001)
            check(
                (0.67...1.5).contains(estimate),
                "\(label) files: estimate within 0.67×–1.5× of the measured time (\(format(result.expected)) s / \(format(result.wall)) s = \(ratio(estimate)))"
            )
            if !answerBound && perThousandPrompt == 0 && result.reviews + result.summaries <= concurrency {
                let over = result.wall - fixed
                check(
                    over < 0.5,
                    "\(label) files: fits in \(concurrency) requests and takes one round plus well under a second (\(format(result.wall)) s = \(format(fixed)) s + \(format(over)) s)"
                )
            }
            if answerBound, let files = Int(label), (40...1000).contains(files) {
                let share = result.wall / max(result.floor, 0.001)
                check(
                    share <= 1.15,
                    "\(label) files: wall within 1.15× of the floor (\(format(result.wall)) s / \(format(result.floor)) s = \(ratio(share)))"
                )
            }
        }
        return lines
    }

    struct Measurement {
        var wall: Double
        var floor: Double
        /// The plan's expected time, from the job summary.
        var expected: Double
        var reviews: Int
        var summaries: Int
        /// When the last model call started, and when the last review answer ended (seconds from launch).
        var lastStart: Double
        var reviewsEnd: Double
        var githubRequests: Int
        var filePages: Int
        var promptTokens: Int
        var overheadShare: Double
        var promptCharactersPerPatchCharacter: Double
        var peakRSSMB: Int
        var startup: Double
    }

    func measure(_ files: [SyntheticPullRequest.File]) async throws -> Measurement {
        let (fixed, perPrompt, perCompletion) = (fixed, perThousandPrompt, perHundredCompletion)
        let github = try await FakeGitHubServer.start()
        let openAI = try await FakeOpenAIServer.start(
            latency: { prompt, completion in
                .milliseconds(
                    Int64((fixed + perPrompt * Double(prompt) / 1000 + perCompletion * Double(completion) / 100) * 1000)
                )
            },
            script: SyntheticPullRequest.answer)
        defer {
            Task {
                await github.stop()
                await openAI.stop()
            }
        }
        let head = "benchhead0000000000000000000000000000000"
        github.addPullRequest(
            number: 7, title: "Benchmark", headSHA: head, files: files.map { ($0.filename, $0.status, $0.patch) })
        // The files' text at the head, for the code around each hunk (GraphQL reads, as on GitHub).
        for file in files where file.status != "added" {
            if let patch = file.patch {
                github.setFile(file.filename, SyntheticPullRequest.source(for: patch), at: head)
            }
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "probot-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let event: [String: Any] = [
            "action": "opened", "number": 7,
            "repository": ["full_name": "octo/shop"],
            "pull_request": [
                "number": 7, "state": "open", "draft": false, "title": "Benchmark", "body": "",
                "head": ["sha": head, "ref": "feature", "repo": ["full_name": "octo/shop"]],
                "base": ["sha": "base", "ref": "main", "repo": ["full_name": "octo/shop"]],
            ],
        ]
        try JSONSerialization.data(withJSONObject: event).write(to: directory.appendingPathComponent("event.json"))
        var environment = ProcessInfo.processInfo.environment
        environment.merge([
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": directory.appendingPathComponent("event.json").path,
            "GITHUB_OUTPUT": directory.appendingPathComponent("output").path,
            "GITHUB_STEP_SUMMARY": directory.appendingPathComponent("summary.md").path,
            "GITHUB_API_URL": github.baseURL.absoluteString, "GITHUB_REPOSITORY": "octo/shop",
            "INPUT_GITHUB-TOKEN": github.token, "INPUT_OPENAI-API-KEY": openAI.apiKey,
            "INPUT_OPENAI-BASE-URL": openAI.baseURL.absoluteString, "INPUT_MAX-CONCURRENCY": String(concurrency),
            "INPUT_MAX-COMMENTS": "25", "INPUT_CONTEXT-LINES": String(contextLines),
            "INPUT_OPTIMIZE": optimize,
            // The model's speed, so the plan's estimate is of this latency profile.
            "INPUT_MODEL-LATENCY-SECONDS": String(fixed),
            "INPUT_MODEL-TOKENS-PER-SECOND": perHundredCompletion > 0 ? String(100 / perHundredCompletion) : "0",
        ]) { $1 }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let launched = ContinuousClock.now
        try process.run()
        var peakKB = 0
        while process.isRunning {
            peakKB = max(peakKB, Self.highWaterMarkKB(pid: process.processIdentifier))
            try await Task.sleep(for: .milliseconds(5))
        }
        let wall = seconds(ContinuousClock.now - launched)
        guard process.terminationStatus == 0 else {
            throw ValidationError(
                "the binary failed (exit \(process.terminationStatus)); summary: \((try? String(contentsOf: directory.appendingPathComponent("summary.md"), encoding: .utf8)) ?? "")"
            )
        }
        let startup = github.requests.first.map { seconds($0.receivedAt - launched) } ?? 0
        if ProcessInfo.processInfo.environment["PROBOT_BENCH_TIMELINE"] != nil {
            let events =
                github.requests.map { ($0.receivedAt, "GitHub \($0.method) \($0.path)") }
                + openAI.requests.map { ($0.receivedAt, "model") }
            for (at, what) in events.sorted(by: { $0.0 < $1.0 }) {
                print(String(format: "  %7.0f ms  ", seconds(at - launched) * 1000) + what)
            }
            print(String(format: "  %7.0f ms  exit", wall * 1000))
        }

        // The same plan in-process, for the overhead share at the default budget.
        let counter = BPETokenCounter(encoding: try EncodingLoader.load(.o200kBase))
        let inputs = ProbotInputs(openAIAPIKey: "x")
        let engine = ReviewEngine(
            profile: inputs.modelProfile, settings: inputs.reviewSettings, counter: counter,
            model: ScriptedChatModel.neverAsked,
            console: SilentConsole())
        let plan = engine.planner(title: "Benchmark", description: "").plan(
            files.map {
                ChangedFile(filename: $0.filename, status: $0.status, patch: $0.patch)
            }
        ).plan
        let timings = openAI.timings
        let reviewTimings = timings.filter(\.structured)
        let summaryText =
            (try? String(contentsOf: directory.appendingPathComponent("summary.md"), encoding: .utf8)) ?? ""
        return Measurement(
            wall: wall, floor: Self.floor(timings.map { seconds($0.latency) }, base: fixed, workers: concurrency),
            expected: Self.expectedSeconds(summaryText),
            reviews: reviewTimings.count, summaries: timings.count - reviewTimings.count,
            lastStart: timings.map { seconds($0.receivedAt - launched) }.max() ?? 0,
            reviewsEnd: reviewTimings.map { seconds($0.answeredAt - launched) }.max() ?? 0,
            githubRequests: github.requests.count,
            filePages: github.requests.filter { $0.path.hasSuffix("/files") }.count,
            promptTokens: plan.promptTokens,
            overheadShare: plan.promptTokens > 0 ? Double(plan.overheadTokens) / Double(plan.promptTokens) : 0,
            promptCharactersPerPatchCharacter: Double(
                openAI.calls.reduce(0) { $0 + $1.messages.reduce(0) { $0 + $1.content.count } })
                / Double(max(1, files.reduce(0) { $0 + ($1.patch?.count ?? 0) })),
            peakRSSMB: peakKB / 1024, startup: startup)
    }

    /// The shortest time the model allows for these answers (the summary's included), however they were split: one
    /// base latency plus the time to write every answer spread evenly over the slots (or the longest single answer,
    /// if larger), and never less than ⌈requests / slots⌉ rounds of the base latency. For a fixed latency this is
    /// latency × rounds.
    static func floor(_ durations: [Double], base: Double, workers: Int) -> Double {
        guard !durations.isEmpty else { return 0 }
        let writing = durations.map { max(0, $0 - base) }
        let spread = base + max(writing.reduce(0, +) / Double(max(1, workers)), writing.max() ?? 0)
        let rounds = Double((durations.count + workers - 1) / max(1, workers)) * base
        return max(spread, rounds)
    }

    /// The seconds in the job summary's `| Time | ≈ 9.4 s expected …` row (`340 ms` below a second); `0` if absent.
    static func expectedSeconds(_ summary: String) -> Double {
        guard let row = summary.split(separator: "\n").first(where: { $0.hasPrefix("| Time | ≈ ") }) else { return 0 }
        let words = row.dropFirst("| Time | ≈ ".count).split(separator: " ")
        guard words.count >= 2, let value = Double(words[0]) else { return 0 }
        return words[1] == "ms" ? value / 1000 : value
    }

    /// `VmHWM` (peak resident set) of a process, from `/proc`.
    static func highWaterMarkKB(pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
