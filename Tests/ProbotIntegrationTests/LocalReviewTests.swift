import Foundation
import Logging
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Synchronization
import Testing

/// `chatgpt-probot review --diff FILE` over HTTP against the fake OpenAI.
struct LocalReviewTests {
    static func sampleDiff() throws -> String {
        try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/sample.diff"), encoding: .utf8)
    }

    static func factory(_ transport: any HTTPTransport, console: any RunConsole = SilentConsole()) -> ServiceFactory<
        MockClock
    > {
        ServiceFactory(
            transport: transport, console: console, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            clock: MockClock())
    }

    @Test func reviewsALocalDiffAndRendersMarkdown() async throws {
        try await withFakeModel(script: ActionRunTests.reviewingModel) { openAI in
            let inputs = ProbotInputs(openAIAPIKey: openAI.apiKey, openAIBaseURL: openAI.baseURL, maxComments: .max)
            let console = RecordingConsole()
            let runner = LocalReviewRunner(
                inputs: inputs, factory: Self.factory(URLSessionTransport(timeout: 30), console: console))
            let (report, markdown) = try await runner.run(diff: try Self.sampleDiff())
            #expect(report.placement.posted.count == 9)
            #expect(markdown.contains("## `scripts/export_orders.py`"))
            #expect(markdown.contains("SQL injection"))
            #expect(markdown.contains("Wrong file"))
            #expect(markdown.contains("`package-lock.json`: built-in exclusion"))
            #expect(console.lines.contains { $0.hasPrefix("info: [1/1] batch 1") })
        }
    }

    @Test func needsAKeyUnlessDryRun() async throws {
        let runner = LocalReviewRunner(
            inputs: ProbotInputs(), factory: Self.factory(StubTransport { _ in StubTransport.json(500, "") }))
        await #expect(throws: LocalReviewError.missingKey) { try await runner.run(diff: try Self.sampleDiff()) }
        await #expect(throws: LocalReviewError.emptyDiff) { try await runner.run(diff: "nothing here") }
        var dry = ProbotInputs()
        dry.dryRun = true
        let (report, markdown) = try await LocalReviewRunner(
            inputs: dry, factory: Self.factory(StubTransport { _ in StubTransport.json(500, "") })
        )
        .run(diff: try Self.sampleDiff())
        #expect(report.outcomes.isEmpty)
        #expect(markdown.contains("1 request(s), 3 file(s)"))
        #expect(markdown.contains("cost at most $"))
    }

    /// The local CLI gets its model client from the action's factory, so a 429 and a 5xx are retried, not lost.
    @Test func aRateLimitAndAServerErrorAreRetriedLikeInTheAction() async throws {
        let calls = Mutex(0)
        let transport = StubTransport { request in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            switch call {
            case 1:
                return StubTransport.json(
                    429,
                    #"{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#,
                    headers: ["retry-after": "2"])
            case 2: return StubTransport.json(502, "<html>bad gateway</html>")
            default:
                let answer = #"{\"summary\":\"ok\",\"findings\":[]}"#
                return StubTransport.json(
                    200,
                    #"{"id":"c","object":"chat.completion","created":1,"model":"gpt-4.1-mini","choices":[{"index":0,"message":{"role":"assistant","content":"\#(answer)","refusal":null},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"#
                )
            }
        }
        let clock = MockClock()
        let factory = ServiceFactory(
            transport: transport, console: SilentConsole(),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            clock: clock)
        let inputs = ProbotInputs(openAIAPIKey: "sk-local", model: "gpt-4.1-mini")
        let (report, _) = try await LocalReviewRunner(inputs: inputs, factory: factory).run(diff: try Self.sampleDiff())
        #expect(transport.requests.count == 3)
        #expect(report.failedOutcomes.isEmpty)
        #expect(report.outcomes.count == 1)
        #expect(clock.sleeps.first == .seconds(2))
    }
}
