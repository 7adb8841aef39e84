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
    var sizes = "10,100,1000,3000"

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
            "| Files | Requests | Wall | Floor | Wall / floor | GitHub requests (file pages + other) | Prompt tokens | Overhead | Peak RSS | Start-up to first request |"
        )
        print("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
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
        for (label, pullRequestFiles) in scenarios {
            let result = try await measure(pullRequestFiles)
            print(
                "| \(label) | \(result.requests) | \(format(result.wall)) s | \(format(result.floor)) s | \(String(format: "%.2f×", result.wall / max(result.floor, 0.001))) | \(result.githubRequests) (\(result.filePages) + \(result.githubRequests - result.filePages)) | \(Format.count(result.promptTokens)) | \(String(format: "%.1f %%", result.overheadShare * 100)) | \(result.peakRSSMB) MB | \(String(format: "%.0f ms", result.startup * 1000)) |"
            )
        }
    }

    struct Measurement {
        var wall: Double
        var floor: Double
        var requests: Int
        var githubRequests: Int
        var filePages: Int
        var promptTokens: Int
        var overheadShare: Double
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
            "INPUT_MAX-COMMENTS": "25",
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
            profile: inputs.modelProfile, settings: inputs.reviewSettings, counter: counter, model: nil,
            console: SilentConsole())
        let plan = engine.planner(title: "Benchmark", description: "").plan(
            files.map {
                ChangedFile(filename: $0.filename, status: $0.status, patch: $0.patch)
            }
        ).plan
        let latencies = openAI.answeredLatencies.map(seconds)
        return Measurement(
            wall: wall, floor: Self.makespan(latencies, workers: concurrency), requests: openAI.calls.count,
            githubRequests: github.requests.count,
            filePages: github.requests.filter { $0.path.hasSuffix("/files") }.count,
            promptTokens: plan.promptTokens,
            overheadShare: plan.promptTokens > 0 ? Double(plan.overheadTokens) / Double(plan.promptTokens) : 0,
            peakRSSMB: peakKB / 1024, startup: startup)
    }

    /// The shortest time `workers` parallel slots can finish these requests in (longest first, each to the
    /// earliest free slot); for equal latencies, latency × ⌈requests / workers⌉.
    static func makespan(_ durations: [Double], workers: Int) -> Double {
        var slots = [Double](repeating: 0, count: max(1, workers))
        for duration in durations.sorted(by: >) {
            let index = slots.indices.min { slots[$0] < slots[$1] } ?? 0
            slots[index] += duration
        }
        return slots.max() ?? 0
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

/// Deterministic synthetic pull requests: several languages, renames, binaries, lockfiles and a few huge files.
enum SyntheticPullRequest {
    struct File: Sendable {
        var filename: String
        var status: String
        var patch: String?
    }

    /// A seeded linear congruential generator, so every run sees the same pull request.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let languages: [(ext: String, line: @Sendable (Int) -> String)] = [
        ("swift", { "    let value\($0) = try await client.fetch(id: \($0), timeout: .seconds(\($0 % 30)))" }),
        ("py", { "    result_\($0) = session.query(Order).filter(Order.id == \($0)).first()" }),
        ("ts", { "  const item\($0) = await api.get<Item>(`/items/${id}/\($0)`, { retries: \($0 % 5) });" }),
        (
            "go",
            {
                "\tif err := store.Put(ctx, key\($0), value\($0)); err != nil { return fmt.Errorf(\"put %d: %w\", \($0), err) }"
            }
        ),
        ("rs", { "    let total_\($0): u64 = items.iter().map(|i| i.price * \($0)).sum();" }),
        ("java", { "        final var entry\($0) = repository.findById(\($0)L).orElseThrow(NotFoundException::new);" }),
    ]

    static func make(files count: Int) -> [File] {
        var random = Generator(state: UInt64(count) &* 2_654_435_761)
        return (0..<count).map { index in
            let roll = Int.random(in: 0..<100, using: &random)
            let language = languages[index % languages.count]
            let path = "src/module\(index % 40)/file\(index).\(language.ext)"
            if roll < 3 { return File(filename: "assets/image\(index).png", status: "added", patch: nil) }
            if roll < 5 {
                return File(
                    filename: "packages/p\(index)/package-lock.json", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b")
            }
            let hunks = roll < 6 ? 40 : Int.random(in: 1...3, using: &random)
            var patch = ""
            var start = 1
            for _ in 0..<hunks {
                let lines = Int.random(in: 6...30, using: &random)
                patch += "@@ -\(start),\(lines / 2) +\(start),\(lines) @@ func handler\(start)()\n"
                for line in 0..<lines {
                    patch += (line < lines / 2 ? " " : "+") + language.line(start + line) + "\n"
                }
                start += lines + Int.random(in: 5...60, using: &random)
            }
            let renamed = roll >= 95
            return File(filename: path, status: renamed ? "renamed" : "modified", patch: patch)
        }
    }

    /// The model: one finding on the first added line of every fifth file it sees.
    static func answer(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        var findings: [[String: Any]] = []
        for path in call.filePaths where path.utf8.reduce(0, { $0 &+ Int($1) }) % 5 == 0 {
            findings.append([
                "path": path, "line": 4, "start_line": NSNull(), "side": "RIGHT", "severity": "minor",
                "title": "Unchecked result", "body": "Handle the error.", "suggestion": NSNull(),
            ])
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["summary": "Reviewed.", "findings": findings])) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), completionTokens: 40 + 60 * findings.count)
    }
}
