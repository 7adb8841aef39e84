import Foundation
import ProbotCore
import ProbotServices
import Testing
import Tokenizer

struct VocabularyTests {
    @Test func sha256IsCorrect() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The shipped rank files are byte-identical to OpenAI's (the sums tiktoken itself checks).
    @Test(arguments: EncodingName.allCases) func shippedVocabulariesHaveOpenAIsChecksums(_ name: EncodingName) throws {
        let sums = try String(
            contentsOf: try #require(Bundle.module.url(forResource: "Fixtures/SHA256SUMS", withExtension: nil)),
            encoding: .utf8)
        let expected = try #require(
            sums.split(separator: "\n").first { $0.hasSuffix(" \(name.rawValue).tiktoken") }?.split(separator: " ")
                .first)
        let folder = try #require(
            EncodingLoader.searchPaths(directory: nil).first {
                FileManager.default.fileExists(atPath: "\($0)/\(name.rawValue).tiktoken")
            })
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name.rawValue).tiktoken"))
        #expect(SHA256.hex([UInt8](data)) == String(expected))
    }

    @Test func vocabularySizesAndSpecialTokens() throws {
        let o200k = try EncodingLoader.load(.o200kBase)
        let cl100k = try EncodingLoader.load(.cl100kBase)
        #expect(o200k.vocabularySize == 199_998)
        #expect(cl100k.vocabularySize == 100_256)
        // Special tokens are plain text unless allowed.
        #expect(o200k.encode("<|endoftext|>") == [27, 91, 419, 1440, 919, 91, 29])
        #expect(o200k.encode("a<|endoftext|>b", allowedSpecial: ["<|endoftext|>"]) == [64, 199_999, 65])
        #expect(cl100k.encode("<|fim_prefix|>x", allowedSpecial: ["<|fim_prefix|>"]) == [100_258, 87])
        #expect(String(decoding: o200k.decode([64, 199_999, 65]), as: UTF8.self) == "a<|endoftext|>b")
    }

    @Test func malformedRankFilesAreErrors() {
        #expect(throws: Vocabulary.LoadError.malformedLine(1)) { try Vocabulary(tiktokenFile: Array("!!!! 0\n".utf8)) }
        #expect(throws: Vocabulary.LoadError.malformedLine(1)) { try Vocabulary(tiktokenFile: Array("YQ== \n".utf8)) }
        #expect(throws: Vocabulary.LoadError.missingByte(1)) { try Vocabulary(tiktokenFile: Array("AA== 0\n".utf8)) }
    }

    @Test func missingVocabularyNamesWhereItLooked() throws {
        do {
            _ = try EncodingLoader.load(.o200kBase, directory: "/nonexistent")
        } catch {
            Issue.record("the bundled vocabulary should be found after the override folder: \(error)")
        }
        #expect(EncodingLoader.searchPaths(directory: "/custom").first == "/custom")
    }

    @Test func modelsMapToTheirEncodings() {
        #expect(EncodingName.forModel("gpt-4o-mini") == .o200kBase)
        #expect(EncodingName.forModel("gpt-4.1-nano") == .o200kBase)
        #expect(EncodingName.forModel("gpt-5") == .o200kBase)
        #expect(EncodingName.forModel("o3-mini") == .o200kBase)
        #expect(EncodingName.forModel("o4-mini") == .o200kBase)
        #expect(EncodingName.forModel("gpt-4") == .cl100kBase)
        #expect(EncodingName.forModel("gpt-4-turbo") == .cl100kBase)
        #expect(EncodingName.forModel("gpt-3.5-turbo-0125") == .cl100kBase)
        #expect(EncodingName.forModel("gpt-35-turbo") == .cl100kBase)
        #expect(EncodingName.forModel("llama3.1:8b") == nil)
    }

    @Test func counterFactoryPicksTheEncodingAndSaysWhenItGuesses() {
        let known = TokenCounterFactory.make(model: "gpt-4-turbo")
        #expect(known.counter.name == "cl100k_base")
        #expect(known.warning == nil)
        let unknown = TokenCounterFactory.make(model: "mistral-large")
        #expect(unknown.counter.name == "o200k_base")
        #expect(unknown.warning?.contains("mistral-large") == true)
    }
}

struct ChatBillingTests {
    /// OpenAI bills a chat request as its contents plus 3 tokens of framing per message and 3 priming the reply
    /// (OpenAI cookbook, "How to count tokens with tiktoken", for gpt-4o and later).
    @Test func messagesCountLikeOpenAIBillsThem() throws {
        let counter = BPETokenCounter(encoding: try EncodingLoader.load(.o200kBase))
        let messages = [ChatMessage.system("You are a reviewer."), .user("Review this diff:\n+1: let x = 1")]
        let contents = messages.reduce(0) { $0 + counter.count($1.content) }
        #expect(counter.count(messages: messages) == contents + 3 * messages.count + 3)
        #expect(counter.count("You are a reviewer.") == 5)
    }
}

struct ExactBatchingTests {
    /// A PR ten times the budget is packed into the minimum number of requests (within one), each under budget,
    /// and all but one of them at least 90 % full.
    @Test func tenTimesTheBudgetPacksTightlyWithExactCounts() throws {
        let counter = BPETokenCounter(encoding: try EncodingLoader.load(.o200kBase))
        let budget = ReviewBudget(promptTokens: 8_000, completionTokens: 2_000)
        let batcher = PromptBatcher(counter: counter, builder: PromptBuilder(), budget: budget)
        var files: [FileDiff] = []
        var total = 0
        var index = 0
        while total < budget.promptTokens * 10 {
            let lines = 3 + (index * 11) % 60
            let hunk = Hunk(
                oldStart: 1, oldCount: 0, newStart: 1, newCount: lines, section: "",
                lines: (0..<lines).map {
                    DiffLine(
                        kind: .added, content: "let value\($0) = compute(\(index), \($0)) // file \(index)",
                        oldLine: nil, newLine: $0 + 1)
                })
            let file = FileDiff(path: "Sources/Module\(index)/File\(index).swift", hunks: [hunk])
            total += counter.count(DiffRenderer.render(file: file, hunks: file.hunks))
            files.append(file)
            index += 1
        }
        let plan = batcher.plan(files)
        #expect(plan.skipped.isEmpty)
        for batch in plan.batches { #expect(batch.promptTokens <= budget.promptTokens) }
        let available = budget.promptTokens - batcher.fixedTokens
        let itemTokens = plan.batches.flatMap(\.items).reduce(0) { $0 + $1.tokens }
        let minimum = (itemTokens + available - 1) / available
        #expect(plan.batches.count <= minimum + 1, "\(plan.batches.count) requests; minimum \(minimum)")
        // Every request but one (the remainder) is at least 90 % full.
        let fill = plan.batches.map { Double($0.promptTokens) / Double(budget.promptTokens) }
        #expect(fill.count { $0 < 0.9 } <= 1, "fill: \(fill)")
    }
}
