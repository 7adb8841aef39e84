import ProbotCore
import Testing

/// A counter with exact, easy arithmetic: one token per character.
struct CharacterCounter: TokenCounter {
    var name: String { "characters" }
    func count(_ text: String) -> Int { text.count }
}

struct PromptBatcherTests {
    static func file(_ path: String, hunks: Int, linesPerHunk: Int, width: Int = 40) -> FileDiff {
        var result: [Hunk] = []
        for index in 0..<hunks {
            let start = 1 + index * (linesPerHunk + 20)
            let lines = (0..<linesPerHunk).map { offset in
                DiffLine(
                    kind: .added, content: String(repeating: "x", count: width), oldLine: nil, newLine: start + offset)
            }
            result.append(
                Hunk(oldStart: start, oldCount: 0, newStart: start, newCount: linesPerHunk, section: "", lines: lines))
        }
        return FileDiff(path: path, hunks: result)
    }

    private func batcher(budget: Int) -> PromptBatcher {
        PromptBatcher(
            counter: CharacterCounter(), builder: PromptBuilder(),
            budget: ReviewBudget(promptTokens: budget, completionTokens: 1000))
    }

    @Test func smallFilesShareARequest() {
        let batcher = batcher(budget: 6000)
        let files = (0..<5).map { Self.file("f\($0).swift", hunks: 1, linesPerHunk: 5) }
        let plan = batcher.plan(files)
        #expect(plan.batches.count == 1)
        #expect(plan.batches[0].paths == files.map(\.path))
        #expect(plan.skipped.isEmpty)
        #expect(plan.batches[0].promptTokens == CharacterCounter().count(messages: plan.batches[0].messages))
    }

    @Test func noBatchExceedsTheBudgetAndNothingIsDropped() {
        let budget = 6000
        let batcher = batcher(budget: budget)
        let files = (0..<40).map { Self.file("f\($0).swift", hunks: 1 + $0 % 4, linesPerHunk: 3 + $0 % 17) }
        let plan = batcher.plan(files)
        for batch in plan.batches {
            #expect(batch.promptTokens <= budget)
            #expect(batch.promptTokens == CharacterCounter().count(messages: batch.messages))
        }
        // Every hunk of every file is in exactly one batch.
        var sent: [String: Int] = [:]
        for batch in plan.batches { for item in batch.items { sent[item.file.path, default: 0] += item.hunks.count } }
        for file in files { #expect(sent[file.path] == file.hunks.count, "\(file.path)") }
        #expect(plan.skipped.isEmpty)
    }

    @Test func packsCloseToTheMinimumNumberOfRequests() {
        let budget = 8000
        let batcher = batcher(budget: budget)
        let files = (0..<60).map { Self.file("f\($0).swift", hunks: 1, linesPerHunk: 2 + ($0 * 7) % 23) }
        let plan = batcher.plan(files)
        let available = budget - batcher.fixedTokens
        let totalItems = plan.batches.flatMap(\.items).reduce(0) { $0 + $1.tokens }
        let lowerBound = (totalItems + available - 1) / available
        #expect(plan.batches.count <= lowerBound + 1, "\(plan.batches.count) batches, lower bound \(lowerBound)")
    }

    @Test func aLargeFileIsSplitAtHunkBoundariesInOrder() {
        let batcher = batcher(budget: 4000)
        let big = Self.file("big.swift", hunks: 12, linesPerHunk: 10)
        let plan = batcher.plan([big])
        #expect(plan.batches.count > 1)
        let parts = plan.batches.flatMap(\.items).sorted { ($0.part?.index ?? 0) < ($1.part?.index ?? 0) }
        #expect(parts.allSatisfy { $0.part?.count == parts.count })
        #expect(parts.flatMap(\.hunks) == big.hunks)
        #expect(parts[0].rendered.contains("(part 1 of \(parts.count))"))
    }

    @Test func aHunkLargerThanTheBudgetIsSkippedWithAReason() {
        let batcher = batcher(budget: 3000)
        let file = FileDiff(
            path: "huge.txt",
            hunks: [
                Self.file("x", hunks: 1, linesPerHunk: 5).hunks[0],
                Self.file("x", hunks: 1, linesPerHunk: 200).hunks[0],
            ])
        let plan = batcher.plan([file])
        #expect(plan.batches.count == 1)
        #expect(plan.batches[0].items[0].hunks.count == 1)
        #expect(plan.skipped.count == 1)
        guard case .hunkOverBudget(_, let tokens, let budget) = plan.skipped[0].reason else {
            Issue.record("expected hunkOverBudget, got \(plan.skipped[0].reason)")
            return
        }
        #expect(tokens > budget)
    }

    @Test func tenTimesTheBudgetPacksIntoTheMinimumWithinOne() {
        let budget = 5000
        let batcher = batcher(budget: budget)
        var files: [FileDiff] = []
        var index = 0
        var total = 0
        while total < budget * 10 {
            let file = Self.file("f\(index).swift", hunks: 1 + index % 3, linesPerHunk: 4 + (index * 5) % 19)
            total += DiffRenderer.render(file: file, hunks: file.hunks).count
            files.append(file)
            index += 1
        }
        let plan = batcher.plan(files)
        let available = budget - batcher.fixedTokens
        let lowerBound = (plan.batches.flatMap(\.items).reduce(0) { $0 + $1.tokens } + available - 1) / available
        #expect(plan.batches.count <= lowerBound + 1)
        #expect(plan.batches.allSatisfy { $0.promptTokens <= budget })
    }

    @Test func budgetDerivesFromTheModel() {
        let mini = ReviewBudget.make(maxPromptTokens: 0, model: ModelCatalog.info(for: "gpt-4.1-mini"))
        #expect(mini == ReviewBudget(promptTokens: 24_000, completionTokens: 4_096))
        let small = ReviewBudget.make(maxPromptTokens: 0, model: ModelCatalog.info(for: "gpt-4"))
        #expect(small.promptTokens + small.completionTokens <= 8_192)
        let explicit = ReviewBudget.make(maxPromptTokens: 50_000, model: ModelCatalog.info(for: "gpt-4o"))
        #expect(explicit.promptTokens == 50_000)
        let clamped = ReviewBudget.make(maxPromptTokens: 500_000, model: ModelCatalog.info(for: "gpt-4o"))
        #expect(clamped.promptTokens == 128_000 - 4_096)
    }

    @Test func modelCatalogMatchesLongestPrefix() {
        #expect(ModelCatalog.info(for: "gpt-4o-mini-2024-07-18").inputPricePerMillion == 0.15)
        #expect(ModelCatalog.info(for: "gpt-4o-2024-08-06").inputPricePerMillion == 2.50)
        #expect(ModelCatalog.info(for: "openai/gpt-4.1-nano").inputPricePerMillion == 0.10)
        #expect(ModelCatalog.info(for: "gpt-4-turbo").encoding == "cl100k_base")
        #expect(ModelCatalog.info(for: "llama3.1:8b").isKnown == false)
        #expect(
            ModelCatalog.info(for: "gpt-4.1-mini").cost(promptTokens: 1_000_000, completionTokens: 1_000_000) == 2.0)
    }
}
