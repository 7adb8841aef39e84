import ArgumentParser
import Foundation
import ProbotCore
import ProbotServices
import Tokenizer

/// Measures the claim check on a real history: every identifier on an added line, cited the ways models cite
/// names (`name`, `self.name`, `` `name()` ``), must be found in its own request (no real finding held back), and
/// the same name with a suffix that makes it invented must not be (every invented one caught); plus the time of
/// the check and the prompt tokens the `identifiers` instruction and schema property add to every request.
struct ClaimsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Claim check: real names found, invented names caught, time per request, prompt overhead.")

    @Option(help: "A git checkout with history.")
    var repository: String

    @Option(parsing: .upToNextOption, help: "Pairs of revisions, as from..to.")
    var range: [String]

    func run() throws {
        let counter = BPETokenCounter(encoding: try EncodingLoader.load(.o200kBase))
        var totals = Totals()
        for pair in range {
            let parts = pair.components(separatedBy: "..")
            guard parts.count == 2 else { throw ValidationError("--range takes from..to") }
            let batches = try plan(from: parts[0], to: parts[1], counter: counter)
            var measured = Totals()
            measured.measure(batches)
            print(measured.line(label: pair))
            totals.add(measured)
        }
        print(totals.line(label: "all"))
        print(overhead(counter))
    }

    /// The prompt tokens the `identifiers` paragraph of the system prompt and the schema property add.
    private func overhead(_ counter: BPETokenCounter) -> String {
        let prompt = PromptBuilder().systemPrompt
        let paragraph =
            prompt.range(of: "In `identifiers`").flatMap { start in
                prompt.range(of: "which may be empty.", range: start.lowerBound..<prompt.endIndex).map {
                    String(prompt[start.lowerBound..<$0.upperBound])
                }
            } ?? ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let schema = (try? encoder.encode(ReviewSchema.schema)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let property = schema.range(of: #""identifiers":{"#).map { start in
            String(schema[start.lowerBound...].prefix { $0 != "}" }) + "}}"
        }
        return
            "overhead per request: \(counter.count(paragraph)) prompt tokens (\(paragraph.count) characters) of instruction, \(counter.count(property ?? "")) of schema property, system prompt \(counter.count(prompt)) tokens in all"
    }

    struct Totals {
        var requests = 0
        var cited = 0
        var realFound = 0
        var invented = 0
        var inventedCaught = 0
        var buildSeconds = 0.0
        var checkSeconds = 0.0

        mutating func add(_ other: Totals) {
            requests += other.requests
            cited += other.cited
            realFound += other.realFound
            invented += other.invented
            inventedCaught += other.inventedCaught
            buildSeconds += other.buildSeconds
            checkSeconds += other.checkSeconds
            checks += other.checks
        }

        /// Cites every identifier of every added line of each batch, as a real and as an invented name.
        mutating func measure(_ batches: [ReviewBatch]) {
            let verifier = ClaimVerifier()
            for batch in batches {
                requests += 1
                let start = ContinuousClock.now
                let shown = ShownCode(batch: batch)
                buildSeconds += Self.seconds(since: start)
                var names = Set<String>()
                for item in batch.items {
                    for line in item.hunks.flatMap(\.lines) where line.kind == .added {
                        names.formUnion(
                            ShownCode(sections: [line.content]).tokens.filter {
                                $0.count >= 3 && CitedName.isIdentifier($0) && !$0.hasPrefix("$")
                            })
                    }
                }
                let checking = ContinuousClock.now
                let citedBefore = cited + invented
                for name in names {
                    for form in [name, "self.\(name)", "`\(name)()`"] {
                        cited += 1
                        let finding = Finding(
                            path: "", line: 1, severity: .major, title: "", body: "", identifiers: [form])
                        if verifier.missingNames(finding, shown: shown).isEmpty { realFound += 1 }
                    }
                    let fake = name + "Invariant"
                    guard !shown.tokens.contains(fake) else { continue }
                    invented += 1
                    let finding = Finding(path: "", line: 1, severity: .major, title: "", body: "", identifiers: [fake])
                    if !verifier.missingNames(finding, shown: shown).isEmpty { inventedCaught += 1 }
                }
                checkSeconds += Self.seconds(since: checking)
                checks += cited + invented - citedBefore
            }
        }

        var checks = 0

        static func seconds(since start: ContinuousClock.Instant) -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }

        func line(label: String) -> String {
            String(
                format:
                    "%@: %d request(s); %d real citations, %.2f %% found; %d invented, %.2f %% caught; shown code read in %.2f ms per request; %.1f µs per cited name",
                label, requests, cited, 100 * Double(realFound) / Double(max(1, cited)), invented,
                100 * Double(inventedCaught) / Double(max(1, invented)),
                1_000 * buildSeconds / Double(max(1, requests)), 1e6 * checkSeconds / Double(max(1, checks)))
        }
    }

    private func git(_ arguments: [String]) throws -> String {
        try Git.text(repository, arguments)
    }

    /// The requests a review of `from..to` would make, with the code around each hunk.
    private func plan(from: String, to: String, counter: BPETokenCounter) throws -> [ReviewBatch] {
        let diff = try git(["diff", "-U3", "--no-renames", from, to])
        let changed = UnifiedDiffParser.parse(diff).filter { $0.status == "modified" || $0.status == "added" }
        var sources: [String: [String]] = [:]
        for file in changed {
            sources[file.filename] = try git(["show", "\(to):\(file.filename)"])
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let budget = ReviewBudget.make(maxPromptTokens: 0, model: ModelCatalog.info(for: InputDefaults.model))
        return ReviewPlanner(
            filter: PathFilter(include: [], exclude: []),
            batcher: PromptBatcher(counter: counter, builder: PromptBuilder(), budget: budget),
            context: ContextBuilder(maxAbove: InputDefaults.contextLines)
        ).plan(changed, sources: sources).plan.batches
    }
}
