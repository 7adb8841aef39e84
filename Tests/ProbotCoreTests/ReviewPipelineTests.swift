import Foundation
import ProbotCore
import ProbotTestSupport
import Synchronization
import Testing

/// Counts model requests in flight and the most seen at once.
private actor Gauge {
    var current = 0
    var peak = 0
    func enter() {
        current += 1
        peak = max(peak, current)
    }
    func leave() { current -= 1 }
    func inFlight() -> Int { current }
}

struct ReviewPipelineTests {
    static let ref = PullRequestRef(owner: "o", repo: "r", number: 7)

    static func pullRequest() -> PullRequestPayload {
        PullRequestPayload(
            number: 7, title: "Shop changes", body: "Please review",
            head: BranchRef(sha: "head123", ref: "f", repo: RepositoryPayload(fullName: "o/r")),
            base: BranchRef(sha: "base123", ref: "main", repo: RepositoryPayload(fullName: "o/r")))
    }

    static func files() throws -> [ChangedFile] {
        [
            ChangedFile(
                filename: "Shop.swift", status: "modified",
                patch: try Fixture.text("patches/multi-hunk.patch", in: .module)),
            ChangedFile(
                filename: "main.py", status: "modified",
                patch: try Fixture.text("patches/empty-context.patch", in: .module)),
            ChangedFile(filename: "gone.txt", status: "removed", patch: "@@ -1 +0,0 @@\n-x"),
            ChangedFile(filename: "logo.png", status: "modified", patch: nil),
            ChangedFile(filename: "yarn.lock", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b"),
        ]
    }

    static func answer(_ findings: String, summary: String = "Looks risky.") -> ChatCompletion {
        ChatCompletion(
            content: #"{"summary":"\#(summary)","findings":[\#(findings)]}"#,
            usage: TokenUsage(promptTokens: 900, completionTokens: 120))
    }

    static let onDiff =
        #"{"path":"Shop.swift","line":42,"start_line":null,"side":"RIGHT","severity":"major","title":"Guard inverted","body":"The guard returns when closed.","suggestion":null}"#
    static let offDiff =
        #"{"path":"Shop.swift","line":20,"start_line":null,"side":"RIGHT","severity":"minor","title":"Outside","body":"Not in any hunk.","suggestion":null}"#

    private func engine(
        _ model: any ChatModel, console: any RunConsole = SilentConsole(),
        inputs: ProbotInputs = ProbotInputs(openAIAPIKey: "k")
    ) -> ReviewEngine {
        ReviewEngine(
            profile: inputs.modelProfile, settings: inputs.reviewSettings, counter: HeuristicTokenCounter(),
            model: model,
            console: console)
    }

    /// Instructions bigger than the budget used to skip every file and report "nothing new": now the run fails
    /// and says what to shrink, before any model call or post.
    @Test func instructionsOverTheBudgetAreAnErrorNamingWhatToShrink() async throws {
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: try Self.files())
        let calls = Counter()
        let model = ScriptedChatModel { _ in
            calls.increment()
            return Self.answer(Self.onDiff)
        }
        var inputs = ProbotInputs(openAIAPIKey: "k")
        inputs.instructions = String(repeating: "Check every line twice. ", count: 40_000)
        let report = try await ReviewPipeline(source: github, publisher: github, engine: engine(model, inputs: inputs))
            .run(Self.ref)
        guard case .fixedPromptOverBudget(let tokens, let budget) = report.failure else {
            Issue.record("expected fixedPromptOverBudget, got \(String(describing: report.failure))")
            return
        }
        #expect(tokens > budget)
        #expect(report.failure?.description.contains("`instructions`") == true)
        #expect(report.failure?.description.contains("`max-prompt-tokens`") == true)
        #expect(calls.value == 0)
        #expect(github.drafts.isEmpty)
        #expect(!report.nothingNew)
    }

    @Test func postsOneReviewWithInlineAndBodyFindingsAndTheSkippedLedger() async throws {
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: try Self.files())
        let model = ScriptedChatModel { _ in Self.answer(Self.onDiff + "," + Self.offDiff) }
        let console = RecordingConsole()
        let report = try await ReviewPipeline(
            source: github, publisher: github, engine: engine(model, console: console)
        ).run(Self.ref)

        #expect(github.drafts.count == 1)
        let draft = try #require(github.drafts.first)
        #expect(draft.commitID == "head123")
        #expect(draft.comments.map { "\($0.path):\($0.line)" } == ["Shop.swift:42"])
        #expect(draft.body.contains("Looks risky."))
        #expect(draft.body.contains("Outside"))
        #expect(draft.body.contains("line not in the diff"))
        for skipped in ["gone.txt", "logo.png", "yarn.lock"] { #expect(draft.body.contains(skipped)) }
        #expect(report.review?.id == 1)
        #expect(report.usage == TokenUsage(promptTokens: 900, completionTokens: 120))
        #expect(report.reviewedPaths == ["Shop.swift", "main.py"])
        #expect(report.skippedPathCount == 3)
        #expect(
            console.lines.contains { $0.hasPrefix("info: [1/1] batch 1 · 2 file(s) · 900 → 120 tokens · 2 finding(s)") }
        )
        #expect(console.lines.contains("group: Post review"))
        let prompt = try #require(model.requests.first?.messages.last?.content)
        #expect(prompt.contains("+42:         guard !isOpen else {"))
        #expect(prompt.contains(UntrustedFence.run.wrap("Shop changes")))
        #expect(model.requests.first?.maxCompletionTokens == 4_096)
        #expect(model.requests.first?.schema == ReviewSchema.schema)
    }

    @Test func a422RepostsOnceWithEveryInlineCommentInTheBody() async throws {
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: try Self.files(), rejections: 1)
        let model = ScriptedChatModel { _ in Self.answer(Self.onDiff) }
        let report = try await ReviewPipeline(source: github, publisher: github, engine: engine(model)).run(Self.ref)
        #expect(github.drafts.count == 2)
        #expect(github.drafts[0].comments.count == 1)
        #expect(github.drafts[1].comments.isEmpty)
        #expect(github.drafts[1].body.contains("Guard inverted"))
        #expect(github.drafts[1].body.contains("GitHub rejected the inline comments"))
        #expect(report.usedBodyFallback)
        #expect(report.placement.posted.count == 1)
    }

    @Test func failedBatchesAreListedAndTheRestIsPosted() async throws {
        var inputs = ProbotInputs(openAIAPIKey: "k")
        inputs.maxPromptTokens = 1_000
        // A file that fills most of a request, so it cannot share one with Shop.swift.
        let available =
            1_000
            - engine(ScriptedChatModel { _ in Self.answer("") }, inputs: inputs).planner(
                title: "Shop changes", description: "Please review"
            ).batcher.fixedTokens
        let lineCount = (available - 80) / 20
        let filler =
            "@@ -0,0 +1,\(lineCount) @@\n"
            + (1...lineCount).map { "+let v\(String(format: "%03d", $0)) = compute(42) // padding padding padding pad" }
            .joined(separator: "\n")
        let files = [try Self.files()[0], ChangedFile(filename: "Generated.swift", status: "added", patch: filler)]
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: files)
        let model = ScriptedChatModel { request in
            if request.messages.last?.content.contains("Generated.swift") == true {
                return ChatCompletion(
                    content: "Sorry, I cannot do JSON today.", usage: TokenUsage(promptTokens: 10, completionTokens: 5))
            }
            return Self.answer(Self.onDiff)
        }
        let report = try await ReviewPipeline(source: github, publisher: github, engine: engine(model, inputs: inputs))
            .run(Self.ref)
        #expect(report.outcomes.count == 2)
        #expect(report.failedOutcomes.count == 1)
        #expect(github.drafts.count == 1)
        #expect(github.drafts[0].comments.count == 1)
        #expect(github.drafts[0].body.contains("Generated.swift"))
        #expect(github.drafts[0].body.contains("the model's answer did not match the review schema"))
        #expect(!github.drafts[0].body.contains("not JSON"), "the parser's detail stays in the log and job summary")
        #expect(
            report.diagnostics.contains {
                $0.severity == .warning && $0.message.contains("batch 2 failed (Generated.swift)")
            })
        #expect(report.failure == nil)
        #expect(report.skippedFiles.contains { $0.path == "Generated.swift" })
    }

    @Test func whenEveryRequestFailsNothingIsPostedAndTheReportSurvives() async throws {
        struct Unauthorized: Error, CustomStringConvertible { var description: String { "401 Incorrect API key" } }
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: try Self.files())
        let model = ScriptedChatModel { _ in throw Unauthorized() }
        let report = try await ReviewPipeline(source: github, publisher: github, engine: engine(model)).run(Self.ref)
        #expect(report.failure == .everyRequestFailed(first: .requestFailed("401 Incorrect API key")))
        #expect(report.outcomes.count == 1)
        #expect(github.drafts.isEmpty)
    }

    @Test func dryRunPlansWithoutCallingTheModelOrPosting() async throws {
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: try Self.files())
        let model = ScriptedChatModel { _ in Self.answer("") }
        var inputs = ProbotInputs()
        inputs.dryRun = true
        let report = try await ReviewPipeline(source: github, publisher: github, engine: engine(model, inputs: inputs))
            .run(Self.ref)
        #expect(model.requests.isEmpty)
        #expect(github.drafts.isEmpty)
        #expect(report.plan.batches.count == 1)
        #expect(report.plannedCostUSD != nil)
        #expect(report.outputs.first { $0.name == "prompt-tokens" }?.value == String(report.plan.promptTokens))
    }

    @Test func refusalsTruncationAndFilteredAnswersAreFailuresNotCrashes() async throws {
        for (completion, expected) in [
            (
                ChatCompletion(content: nil, refusal: "I can't help with that.", usage: .zero),
                BatchFailure.refused("I can't help with that.")
            ),
            (
                ChatCompletion(content: #"{"summary":"cut"#, finishReason: "length", usage: .zero),
                .truncated(completionTokens: 4_096)
            ),
            (ChatCompletion(content: nil, finishReason: "content_filter", usage: .zero), .contentFiltered),
        ] {
            let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: try Self.files())
            let model = ScriptedChatModel { _ in completion }
            let report = try await ReviewPipeline(source: github, publisher: github, engine: engine(model)).run(
                Self.ref)
            #expect(report.failure == .everyRequestFailed(first: expected))
            #expect(github.drafts.isEmpty)
        }
    }

    /// Three requests at a time, at most 1,000 prompt tokens each.
    static var threeAtATime: ProbotInputs {
        var inputs = ProbotInputs(openAIAPIKey: "k")
        inputs.maxConcurrency = 3
        inputs.maxPromptTokens = 1_000
        return inputs
    }

    /// Twelve files of about 200 tokens: at most one fits a 1,000-token request beside the instructions.
    static let twelveFiles = (0..<12).map { index in
        ChangedFile(
            filename: "f\(index).swift", status: "added",
            patch: "@@ -0,0 +1,12 @@\n"
                + (1...12).map { "+line \($0) of a file that is long enough" }.joined(separator: "\n"))
    }

    /// Reviews ``twelveFiles`` with ``threeAtATime``; each model call runs `work` between entering and leaving
    /// `gauge`.
    private func reviewTwelveFiles(
        gauge: Gauge, work: @escaping @Sendable () async -> Void
    ) async throws -> RunReport {
        let github = InMemoryGitHub(pullRequest: Self.pullRequest(), files: Self.twelveFiles)
        let model = ScriptedChatModel { _ in
            await gauge.enter()
            await work()
            await gauge.leave()
            return Self.answer("")
        }
        return try await ReviewPipeline(
            source: github, publisher: github, engine: engine(model, inputs: Self.threeAtATime)
        ).run(Self.ref)
    }

    @Test func concurrencyNeverExceedsTheCap() async throws {
        let gauge = Gauge()
        let report = try await reviewTwelveFiles(gauge: gauge) { await Task.yield() }
        #expect(report.outcomes.count > Self.threeAtATime.maxConcurrency)
        #expect(await gauge.peak <= 3)
    }

    /// Fails if requests run one after another: each call waits (by yielding, never sleeping) until the cap is
    /// reached, so only overlapping requests can see three in flight.
    @Test func requestsOverlapUpToTheCap() async throws {
        let gauge = Gauge()
        let report = try await reviewTwelveFiles(gauge: gauge) {
            for _ in 0..<10_000 where await gauge.inFlight() < 3 { await Task.yield() }
        }
        #expect(report.outcomes.count > 3)
        #expect(await gauge.peak == 3)
    }
}

/// Counts calls across tasks.
private final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}
