import ProbotCore
import ProbotTestSupport
import Testing

/// One round: longest expected answer first, the whole-PR summary beside the reviews, the guard for small pull
/// requests and an estimate that counts the summary's slot. In memory, no clock, no sleeps.
struct AnswerOrderTests {
    static let timing = AnswerTiming.standard

    /// A batch of `files` files with `lines` changed lines each (one character a token).
    static func batch(_ number: Int, files: Int, lines: Int, width: Int = 10) -> ReviewBatch {
        let items = (0..<files).map { index in
            let file = PromptBatcherTests.file(
                "b\(number)/f\(index).swift", hunks: 1, linesPerHunk: lines, width: width)
            return BatchItem(file: file, hunks: file.hunks, part: nil, rendered: "", tokens: 1, order: index)
        }
        return ReviewBatch(
            number: number, items: items, messages: [.system("s"), .user("batch \(number)")], promptTokens: 10,
            overheadTokens: 1)
    }

    @Test func theExpectedAnswerGrowsWithFilesAndChangedLines() {
        // 30 + 20 × files + 2 × changed lines, at 100 tokens a second after 0.5 s.
        #expect(Self.timing.answerTokens(files: 1, changedLines: 100) == 250)
        #expect(Self.timing.answerTokens(files: 10, changedLines: 100) == 430)
        #expect(abs(Self.timing.reviewSeconds(files: 10, changedLines: 100) - 4.8) < 1e-9)
        #expect(Self.timing.answerTokens(files: 1, changedLines: 10_000) == 4_096, "capped by the answer reserve")
        #expect(abs(Self.timing.summarySeconds - 2.1) < 1e-9)
        let fixed = AnswerTiming(baseLatencySeconds: 1, outputTokensPerSecond: 0, answerReserve: 4_096)
        #expect(fixed.reviewSeconds(files: 40, changedLines: 900) == 1, "a fixed latency ignores the answer's length")
    }

    @Test func theLongestAnswerStartsFirstNotTheMostChangedLines() async {
        // The same 100 changed lines: in one file (250 answer tokens) or in ten (430): ten files answer longer.
        let oneFile = Self.batch(1, files: 1, lines: 100)
        let tenFiles = Self.batch(2, files: 10, lines: 10)
        #expect(oneFile.weight == tenFiles.weight)
        let model = ScriptedChatModel { _ in ChatCompletion(content: #"{"summary":"","findings":[]}"#, usage: .zero) }
        let runner = BatchRunner(
            model: model, profile: ModelProfile(name: "gpt-4.1-mini"), maxConcurrency: 1,
            splitter: BatchSplitter(builder: PromptBuilder(), counter: CharacterCounter()))
        let outcomes = await runner.run([oneFile, tenFiles]) { _, _, _ in }
        #expect(model.requests.map { $0.messages.last?.content } == ["batch 2", "batch 1"])
        #expect(outcomes.map(\.batch.number) == [1, 2], "outcomes stay in batch order")
    }

    @Test func theSummaryGoesWhereItCostsLeastAndNeverLast() {
        // Three reviews and the summary in four slots: all start at once, the path is the longest review.
        let three = RequestSchedule.make(reviews: [4, 6, 5], summary: 2, slots: 4)
        #expect(three.reviewOrder == [1, 2, 0])
        #expect(three.summaryPosition == 0)
        #expect(abs(three.criticalPath - 6) < 1e-9)
        // Three slots: the summary must share one; 2 + 4 beside 6 and 5 keeps the path at 6.
        let shared = RequestSchedule.make(reviews: [4, 6, 5], summary: 2, slots: 3)
        #expect(abs(shared.criticalPath - 6) < 1e-9)
        // Every place ties at 6 here, and a tie keeps the earliest, so the summary never waits for the reviews.
        #expect(shared.summaryPosition == 0)
        // One slot: whatever the order the path is the sum, and the summary still starts before the last review.
        let serial = RequestSchedule.make(reviews: [1, 1, 1], summary: 1, slots: 1)
        #expect(abs(serial.criticalPath - 4) < 1e-9)
        #expect((serial.summaryPosition ?? 3) < 3)
        // A single review writes the summary itself: no summary request.
        #expect(RequestSchedule.make(reviews: [3], summary: 2, slots: 4).summaryPosition == nil)
        // Two slots, reviews 5 and 3, summary 3: in front (3 then 3 beside 5) or after the 5 (3 then 3), the
        // path is 6 either way, and the earlier place wins.
        let two = RequestSchedule.make(reviews: [5, 3], summary: 3, slots: 2)
        #expect(abs(two.criticalPath - 6) < 1e-9)
        #expect(two.summaryPosition == 0)
        // Two slots, four reviews of 3 s and a 2 s summary: 8 s wherever it goes (2 + 3 + 3 beside 3 + 3), so
        // it goes first; after every review it would start only when two of them had ended.
        let four = RequestSchedule.make(reviews: [3, 3, 3, 3], summary: 2, slots: 2)
        #expect(abs(four.criticalPath - 8) < 1e-9)
        #expect(four.summaryPosition == 0)
        // Two slots, four 1 s reviews and a 4 s summary: in front, 4 beside 1 + 1 + 1 + 1; late, 5.
        let long = RequestSchedule.make(reviews: [1, 1, 1, 1], summary: 4, slots: 2)
        #expect(abs(long.criticalPath - 4) < 1e-9)
        #expect(long.summaryPosition == 0)
        #expect(abs(RequestSchedule.makespan([1, 1, 1, 4, 1], slots: 2) - 5) < 1e-9, "placed late it ends later")
    }

    @Test func theEstimateCountsTheSummarysSlot() {
        let batches = [
            Self.batch(1, files: 1, lines: 240), Self.batch(2, files: 2, lines: 105),
            Self.batch(3, files: 5, lines: 30),
        ]
        // 5.8 s, 5.4 s and 4.8 s; the summary 2.1 s.
        let four = TimeEstimate.schedule(batches, timing: Self.timing, slots: 4)
        #expect(abs(four.criticalPath - 5.8) < 1e-9, "the summary fits the idle fourth slot")
        let three = TimeEstimate.schedule(batches, timing: Self.timing, slots: 3)
        // Three slots: 2.1 + 4.8 = 6.9 beside 5.8 and 5.4.
        #expect(abs(three.criticalPath - 6.9) < 1e-9)
        let one = TimeEstimate.schedule([batches[0]], timing: Self.timing, slots: 4)
        #expect(abs(one.criticalPath - 5.8) < 1e-9, "one request, no summary request")
    }

    static func batcher(timing: AnswerTiming) -> PromptBatcher {
        PromptBatcher(
            counter: CharacterCounter(), builder: PromptBuilder(),
            budget: ReviewBudget(promptTokens: 300_000, completionTokens: 1000),
            balancing: BalancedPacking(slots: 4, timing: timing))
    }

    @Test func aSplitMustWinBackARoundsFixedCost() {
        let files = BalancedPackingTests.files
        // At 0.5 s a round, splitting 14.4 s into 5.8 s is worth it.
        #expect(Self.batcher(timing: Self.timing).plan(files).batches.count == 3)
        // At 10 s a round it shrinks 23.9 s to 15.3 s: less than the round it costs, so one request stays.
        let slowStart = AnswerTiming(baseLatencySeconds: 10, outputTokensPerSecond: 100, answerReserve: 4_096)
        #expect(Self.batcher(timing: slowStart).plan(files).batches.count == 1)
        // A fixed latency: splitting never shortens anything.
        let fixed = AnswerTiming(baseLatencySeconds: 1, outputTokensPerSecond: 0, answerReserve: 4_096)
        #expect(Self.batcher(timing: fixed).plan(files).batches.count == 1)
    }

    @Test func aSplitJustOverTheMarginIsTaken() {
        let packing = BalancedPacking(slots: 4, timing: Self.timing)
        // Two files of 60 changed lines: together 0.5 + (30 + 40 + 240) / 100 = 3.6 s; apart 2.2 s each beside
        // the 2.1 s summary: 1.4 s saved, more than the 0.5 s a round costs.
        let files = ["a", "b"].map { PromptBatcherTests.file("\($0).swift", hunks: 1, linesPerHunk: 60, width: 1) }
        let items = files.enumerated().map { index, file in
            BatchItem(file: file, hunks: file.hunks, part: nil, rendered: "", tokens: 100, order: index)
        }
        #expect(packing.bins(items, capacity: 1_000, fixedTokens: 1, current: [items])?.count == 2)
        // Two files of 8 lines: 1.52 s together, 1.16 s apart but 2.1 s with the summary: no split.
        let small = ["a", "b"].map { PromptBatcherTests.file("\($0).swift", hunks: 1, linesPerHunk: 8, width: 1) }
        let smallItems = small.enumerated().map { index, file in
            BatchItem(file: file, hunks: file.hunks, part: nil, rendered: "", tokens: 100, order: index)
        }
        #expect(packing.bins(smallItems, capacity: 1_000, fixedTokens: 1, current: [smallItems]) == nil)
    }

    @Test func theJobSummaryShowsTheExpectedAndTheMeasuredTime() {
        var report = RenderingTests.report(findings: 0)
        report.expectedSeconds = 9.4
        report.plannedAfter = .milliseconds(600)
        report = report.finished(at: .milliseconds(10_700))
        let summary = JobSummaryRenderer.render(report).rawValue
        #expect(
            summary.contains("| Time | ≈ 10.0 s expected (600 ms to plan, then ≈ 9.4 s on the model's critical path"))
        #expect(summary.contains("· 10.7 s measured |"))
    }
}
