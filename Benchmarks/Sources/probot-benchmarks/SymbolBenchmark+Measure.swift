import Foundation
import ProbotCore
import ProbotServices
import Tokenizer

extension SymbolBenchmark {
    func measure(_ changed: [ChangedFile], root: URL, index: SymbolIndex) async throws {
        let codebase = WorkspaceCodebase(root: root, index: index)
        let modified = changed.filter { $0.status != "removed" }
        var sources: [String: [String]] = [:]
        let read = await codebase.lines(of: Set(modified.map(\.filename)))
        for file in modified where file.status == "modified" { sources[file.filename] = read[file.filename] }
        let builder = ContextBuilder(maxAbove: contextLines)
        let parsed: [RelatedCollector.File] = modified.compactMap { file in
            guard let patch = file.patch, let hunks = try? PatchParser.parse(patch) else { return nil }
            let windows = sources[file.filename].map { builder.windows(for: hunks, source: $0) } ?? [:]
            return RelatedCollector.File(path: file.filename, hunks: hunks, windows: windows)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let related = await RelatedCollector(codebase: codebase).snippets(
            for: parsed, touched: Set(changed.map(\.filename)))
        let collectTime = clock.now - start
        let counter = BPETokenCounter(encoding: try EncodingLoader.load(.o200kBase))
        let budget = ReviewBudget.make(
            maxPromptTokens: maxPromptTokens, model: ModelCatalog.info(for: InputDefaults.model))
        func plan(_ related: [String: [RelatedSnippet]]) -> ReviewPlanner.Result {
            ReviewPlanner(
                filter: PathFilter(include: [], exclude: []),
                batcher: PromptBatcher(counter: counter, builder: PromptBuilder(), budget: budget),
                context: builder
            ).plan(changed, sources: sources, related: related)
        }
        let with = plan(related)
        let without = plan([:])
        let patch = changed.reduce(0) { $0 + ($1.patch?.count ?? 0) }
        func characters(_ result: ReviewPlanner.Result) -> Int {
            result.plan.batches.reduce(0) { $0 + $1.messages.reduce(0) { $0 + $1.content.count } }
        }
        let ratio = Double(characters(with)) / Double(max(1, patch))
        print(
            String(
                format:
                    "pull request: %d Swift file(s), %d patch chars, %d request(s) (%d without related), related collected in %@, %d snippet(s) for %d file(s), %d cut(s) noted",
                with.files.count, patch, with.plan.batches.count, without.plan.batches.count,
                "\(collectTime)", related.values.reduce(0) { $0 + $1.count }, related.count,
                with.plan.contextCuts.count))
        let coverage = relatedCoverage(with, index: index)
        let scopes = scopeCoverage(with, sources: sources)
        let kept = keptScopes(with)
        Self.report("related declarations in the same request", coverage, atLeast: 90)
        Self.report("hunks whose request keeps the opening line of the scope found above them", kept, atLeast: 97)
        let share = scopes.total > 0 ? 100 * Double(scopes.hit) / Double(scopes.total) : 100
        print(
            String(
                format:
                    "info: the innermost enclosing brace (a Swift brace matcher, independent of the scope rule) reaches the model for %d of %d hunks with one above them (%.1f %%)",
                scopes.hit, scopes.total, share))
        let off = Double(characters(without)) / Double(max(1, patch))
        print(
            String(
                format: "%@ prompt chars per patch char: %.2f with related declarations, %.2f without (≤ 2.2)",
                ratio <= 2.2 ? "PASS" : "FAIL", ratio, off))
    }

    static func report(_ label: String, _ counts: (hit: Int, total: Int), atLeast bar: Double) {
        let share = counts.total > 0 ? 100 * Double(counts.hit) / Double(counts.total) : 100
        print(
            String(
                format: "%@ %@: %d of %d (%.1f %%, bar %.0f %%)", share >= bar ? "PASS" : "FAIL", label, counts.hit,
                counts.total, share, bar))
    }

    /// Changed lines with an identifier declared exactly once, in another file; a hit when every such declaration
    /// is in the line's request (the related block, or a section showing that line).
    func relatedCoverage(_ result: ReviewPlanner.Result, index: SymbolIndex) -> (hit: Int, total: Int) {
        var hit = 0
        var total = 0
        for batch in result.plan.batches {
            let headers = Set(
                (batch.messages.last?.content ?? "").split(separator: "\n").filter { $0.hasPrefix("Declaration of ") })
            var shown: [String: Set<Int>] = [:]
            for item in batch.items {
                var lines = Set(item.hunks.flatMap { $0.lines.compactMap(\.newLine) })
                for hunk in item.hunks {
                    let window = item.level.apply(item.file.context[hunk.newStart])
                    lines.formUnion(((window?.above ?? []) + (window?.below ?? [])).map(\.number))
                }
                shown[item.file.path, default: []].formUnion(lines)
            }
            for item in batch.items {
                for hunk in item.hunks {
                    for line in hunk.lines where line.kind == .added {
                        let declarations = IdentifierScanner.identifiers(in: line.content).compactMap(index.unique)
                            .filter { $0.path != item.file.path }
                        guard !declarations.isEmpty else { continue }
                        total += 1
                        let all = declarations.allSatisfy { declaration in
                            shown[declaration.path]?.contains(declaration.line) == true
                                || headers.contains(
                                    "Declaration of \(declaration.name) (\(declaration.kind)) at \(declaration.path):\(declaration.line)"
                                )
                        }
                        if all { hit += 1 }
                    }
                }
            }
        }
        return (hit, total)
    }

    /// For each file, its pieces: the hunks' starts and the set of lines sent.
    static func pieces(_ result: ReviewPlanner.Result) -> [String: [(starts: Set<Int>, lines: Set<Substring>)]] {
        Dictionary(grouping: result.plan.batches.flatMap(\.items), by: \.file.path).mapValues { items in
            items.map { (Set($0.hunks.map(\.newStart)), Set($0.rendered.split(separator: "\n"))) }
        }
    }

    /// Whether a piece holding `hunk` shows new-file line `number` reading `text`, as context or diff.
    static func shows(
        _ pieces: [(starts: Set<Int>, lines: Set<Substring>)], hunk: Hunk, number: Int, text: String
    ) -> Bool {
        pieces.contains { piece in
            piece.starts.contains(hunk.newStart)
                && ["~", " ", "+"].contains { piece.lines.contains(Substring("\($0)\(number): \(text)")) }
        }
    }

    /// Hunks whose scope opener (as ``ContextBuilder`` finds it, unbounded by the budget) is above them; a hit
    /// when the piece holding the hunk shows that line: what graceful context keeps.
    func keptScopes(_ result: ReviewPlanner.Result) -> (hit: Int, total: Int) {
        var hit = 0
        var total = 0
        let pieces = Self.pieces(result)
        for file in result.files {
            for hunk in file.hunks {
                guard let scope = file.context[hunk.newStart]?.scope, scope.number < hunk.newStart else { continue }
                total += 1
                if Self.shows(pieces[file.path] ?? [], hunk: hunk, number: scope.number, text: scope.text) { hit += 1 }
            }
        }
        return (hit, total)
    }

    /// Hunks whose innermost enclosing `{` opens above them; a hit when its line reaches the model.
    func scopeCoverage(_ result: ReviewPlanner.Result, sources: [String: [String]]) -> (hit: Int, total: Int) {
        var hit = 0
        var total = 0
        let pieces = Self.pieces(result)
        for file in result.files {
            guard let source = sources[file.path] else { continue }
            let openers = BraceScopes(source)
            for hunk in file.hunks {
                guard let line = ContextBuilder.firstChange(hunk)?.line, let opener = openers.opener(of: line),
                    opener < hunk.newStart
                else { continue }
                total += 1
                if Self.shows(pieces[file.path] ?? [], hunk: hunk, number: opener, text: source[opener - 1]) {
                    hit += 1
                }
            }
        }
        return (hit, total)
    }
}
