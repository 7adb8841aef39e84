import ProbotCore
import ProbotTestSupport
import Testing

/// Planning for time: a small pull request is spread over idle slots, balanced by expected answer time.
struct BalancedPackingTests {
    /// Files of very different sizes: two big, six small (one character a token, so sizes are exact).
    static let files =
        [
            PromptBatcherTests.file("big1.swift", hunks: 4, linesPerHunk: 60, width: 200),
            PromptBatcherTests.file("big2.swift", hunks: 3, linesPerHunk: 60, width: 200),
        ] + (0..<6).map { PromptBatcherTests.file("small\($0).swift", hunks: 1, linesPerHunk: 30, width: 200) }

    static func batcher(slots: Int?) -> PromptBatcher {
        PromptBatcher(
            counter: CharacterCounter(), builder: PromptBuilder(),
            budget: ReviewBudget(promptTokens: 300_000, completionTokens: 1000),
            balancing: slots.map { BalancedPacking(slots: $0) })
    }

    @Test func aSmallPullRequestFillsTheIdleSlotsLeavingOneForTheSummary() {
        let cost = Self.batcher(slots: nil).plan(Self.files)
        let time = Self.batcher(slots: 4).plan(Self.files)
        #expect(cost.batches.count == 1, "everything fits one request")
        // Three reviews and the summary fill the four slots: a fourth review would wait for a slot and shorten
        // nothing (5.8 s either way), so the cheaper plan wins.
        #expect(time.batches.count == 3)
        let weights = time.batches.map(\.weight)
        // Longest expected answer first to the request with the shortest: big1 | big2 + a small | five smalls.
        #expect(weights.sorted() == [150, 210, 240], "\(weights)")
        #expect(weights.reduce(0, +) == cost.batches[0].weight)
        #expect(Set(time.batches.flatMap(\.paths)) == Set(Self.files.map(\.path)), "nothing lost")
        #expect(time.batches.allSatisfy { $0.items.allSatisfy { $0.hunks == $0.file.hunks } }, "no file split")
    }

    @Test func requestsStayLargeEnoughForTheirFixedPart() {
        // Tiny files: splitting them would make the instructions most of each request.
        let tiny = (0..<8).map { PromptBatcherTests.file("t\($0).swift", hunks: 1, linesPerHunk: 2) }
        let plan = Self.batcher(slots: 4).plan(tiny)
        #expect(plan.batches.count == 1)
        #expect(plan.batches.allSatisfy { Double($0.overheadTokens) / Double($0.promptTokens) <= 0.9 })
    }

    @Test func theCriticalPathShrinksWhenTheSlotsAreUsed() {
        let profile = ModelProfile(name: "gpt-4.1-mini")
        let cost = TimeEstimate.criticalPath(Self.batcher(slots: nil).plan(Self.files), profile: profile, slots: 4)
        let time = TimeEstimate.criticalPath(Self.batcher(slots: 4).plan(Self.files), profile: profile, slots: 4)
        #expect(time < cost)
        // One request of 600 changed lines in 8 files: 0.5 s + (30 + 20 × 8 + 2 × 600) tokens at 100 per second.
        #expect(abs(cost - 14.4) < 0.001)
        // Balanced, the heaviest request (240 lines, 1 file) bounds it: 0.5 s + (30 + 20 + 480) / 100; the summary
        // (0.5 s + 1.6 s) runs in the fourth slot.
        #expect(abs(time - 5.8) < 0.001)
    }

    @Test func theLongestRequestsStartFirst() async throws {
        let model = ScriptedChatModel { _ in ChatCompletion(content: #"{"summary":"","findings":[]}"#, usage: .zero) }
        let plan = Self.batcher(slots: 4).plan(Self.files)
        let runner = BatchRunner(
            model: model, profile: ModelProfile(name: "gpt-4.1-mini"), maxConcurrency: 1,
            splitter: BatchSplitter(builder: PromptBuilder(), counter: CharacterCounter()))
        let outcomes = await runner.run(plan.batches) { _, _, _ in }
        let sent = model.requests.compactMap { $0.messages.last?.content }
        let heaviest = try #require(plan.batches.max { $0.weight < $1.weight })
        #expect(sent.first == heaviest.messages.last?.content)
        #expect(outcomes.map(\.batch.number) == plan.batches.map(\.number), "outcomes stay in batch order")
    }
}
