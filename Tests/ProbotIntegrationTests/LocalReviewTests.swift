import Foundation
import Logging
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// `chatgpt-probot review --diff FILE` over HTTP against the fake OpenAI.
struct LocalReviewTests {
    static func sampleDiff() throws -> String {
        try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/sample.diff"), encoding: .utf8)
    }

    static func factory(_ transport: any HTTPTransport, console: any RunConsole = SilentConsole()) -> ServiceFactory<MockClock> {
        ServiceFactory(transport: transport, console: console, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, clock: MockClock())
    }

    @Test func reviewsALocalDiffAndRendersMarkdown() async throws {
        let openAI = try await FakeOpenAIServer.start(script: ActionRunTests.reviewingModel)
        defer { Task { await openAI.stop() } }
        let inputs = ProbotInputs(openAIAPIKey: openAI.apiKey, openAIBaseURL: openAI.baseURL, maxComments: .max)
        let console = RecordingConsole()
        let runner = LocalReviewRunner(inputs: inputs, factory: Self.factory(URLSessionTransport(timeout: 30), console: console))
        let (report, markdown) = try await runner.run(diff: try Self.sampleDiff())
        #expect(report.placement.posted.count == 9)
        #expect(markdown.contains("## `scripts/export_orders.py`"))
        #expect(markdown.contains("SQL injection"))
        #expect(markdown.contains("Wrong file"))
        #expect(markdown.contains("`package-lock.json`: built-in exclusion"))
        #expect(console.lines.contains { $0.hasPrefix("info: [1/1] batch 1") })
    }

    @Test func needsAKeyUnlessDryRun() async throws {
        let runner = LocalReviewRunner(inputs: ProbotInputs(), factory: Self.factory(StubTransport { _ in StubTransport.json(500, "") }))
        await #expect(throws: LocalReviewError.missingKey) { try await runner.run(diff: try Self.sampleDiff()) }
        await #expect(throws: LocalReviewError.emptyDiff) { try await runner.run(diff: "nothing here") }
        var dry = ProbotInputs()
        dry.dryRun = true
        let (report, markdown) = try await LocalReviewRunner(inputs: dry, factory: Self.factory(StubTransport { _ in StubTransport.json(500, "") }))
            .run(diff: try Self.sampleDiff())
        #expect(report.outcomes.isEmpty)
        #expect(markdown.contains("1 request(s), 3 file(s)"))
        #expect(markdown.contains("cost at most $"))
    }
}
