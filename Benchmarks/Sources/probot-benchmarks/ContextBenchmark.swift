import ArgumentParser
import Foundation
import ProbotCore
import ProbotServices
import Tokenizer

/// Measures the context around hunks on a real history: how often a hunk's enclosing scope reaches the model, and
/// what it costs in prompt characters per patch character.
///
/// The ground truth is independent of the scope rule: for Swift files, the innermost `{` open at the hunk's first
/// changed line, found by a brace matcher that skips comments and string literals; its opening line (the line
/// before a lone `{`) must appear in the file's section, as a `~` context line or a hunk line.
struct ContextBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Scope coverage and prompt cost of the context around hunks, on the diffs between git revisions.")

    @Option(help: "A git checkout with history.")
    var repository: String

    @Option(parsing: .upToNextOption, help: "Pairs of revisions, as from..to.")
    var range: [String]

    @Option(help: "context-lines.")
    var contextLines = InputDefaults.contextLines

    func run() throws {
        var totals = Totals()
        for pair in range {
            let parts = pair.components(separatedBy: "..")
            guard parts.count == 2 else { throw ValidationError("--range takes from..to") }
            let measured = try measure(from: parts[0], to: parts[1])
            print(measured.line(label: pair))
            totals.add(measured)
        }
        print(totals.line(label: "all"))
    }

    struct Totals {
        var hunks = 0
        var scoped = 0
        var covered = 0
        var patchCharacters = 0
        var promptWith = 0
        var promptWithout = 0
        var files = 0
        var requestsWith = 0
        var requestsWithout = 0

        mutating func add(_ other: Totals) {
            hunks += other.hunks
            scoped += other.scoped
            covered += other.covered
            patchCharacters += other.patchCharacters
            promptWith += other.promptWith
            promptWithout += other.promptWithout
            files += other.files
            requestsWith += other.requestsWith
            requestsWithout += other.requestsWithout
        }

        func line(label: String) -> String {
            let coverage = scoped > 0 ? 100 * Double(covered) / Double(scoped) : 100
            return String(
                format:
                    "%@: %d Swift file(s), %d hunk(s), %d with a scope above: %.1f %% reach the model with its opening line; prompt/patch characters %.2f with context, %.2f without; requests %d with, %d without",
                label, files, hunks, scoped, coverage, Double(promptWith) / Double(max(1, patchCharacters)),
                Double(promptWithout) / Double(max(1, patchCharacters)), requestsWith, requestsWithout)
        }
    }

    private func git(_ arguments: [String]) throws -> String {
        try Git.text(repository, arguments)
    }

    private func measure(from: String, to: String) throws -> Totals {
        let diff = try git(["diff", "-U3", "--no-renames", from, to, "--", "*.swift"])
        let changed = UnifiedDiffParser.parse(diff).filter { $0.status == "modified" }
        var sources: [String: [String]] = [:]
        for file in changed {
            sources[file.filename] = try git(["show", "\(to):\(file.filename)"])
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let counter = BPETokenCounter(encoding: try EncodingLoader.load(.o200kBase))
        let budget = ReviewBudget.make(maxPromptTokens: 0, model: ModelCatalog.info(for: InputDefaults.model))
        func plan(_ lines: Int) -> ReviewPlanner.Result {
            ReviewPlanner(
                filter: PathFilter(include: [], exclude: []),
                batcher: PromptBatcher(counter: counter, builder: PromptBuilder(), budget: budget),
                context: ContextBuilder(maxAbove: lines)
            ).plan(changed, sources: sources)
        }
        let with = plan(contextLines)
        let without = plan(0)
        var totals = Totals()
        totals.files = with.files.count
        totals.patchCharacters = changed.reduce(0) { $0 + ($1.patch?.count ?? 0) }
        totals.promptWith = with.plan.batches.reduce(0) { $0 + $1.messages.reduce(0) { $0 + $1.content.count } }
        totals.promptWithout = without.plan.batches.reduce(0) { $0 + $1.messages.reduce(0) { $0 + $1.content.count } }
        totals.requestsWith = with.plan.batches.count
        totals.requestsWithout = without.plan.batches.count
        for file in with.files {
            guard let source = sources[file.path] else { continue }
            let openers = BraceScopes(source)
            let sent = with.plan.batches.flatMap(\.items).filter { $0.file.path == file.path }.map(\.rendered).joined()
            for hunk in file.hunks {
                totals.hunks += 1
                // Where the first change sits in the new file (a deletion sits before the next new line).
                guard let first = hunk.lines.first(where: { $0.kind != .context }),
                    let line = ContextBuilder.firstChange(hunk)?.line,
                    let opener = openers.opener(of: line), opener < hunk.newStart
                else { continue }
                totals.scoped += 1
                let text = source[opener - 1]
                if sent.contains("~\(opener): \(text)\n") || sent.contains(" \(opener): \(text)\n")
                    || sent.contains("+\(opener): \(text)\n")
                {
                    totals.covered += 1
                } else if ProcessInfo.processInfo.environment["PROBOT_BENCH_MISSES"] != nil {
                    let shown = file.context[hunk.newStart]?.above.first?.number
                    let mentions = sent.components(separatedBy: "\n").filter {
                        $0.hasPrefix("~\(opener):") || $0.hasPrefix(" \(opener):")
                    }.count
                    print(
                        "miss(\(mentions)) \(file.path):\(hunk.newStart) opener \(opener) [\(text)] first change \(line) shown from \(shown.map(String.init) ?? "-") [\(first.content)]"
                    )
                }
            }
        }
        return totals
    }
}

/// The innermost `{` open at each line of a Swift file, skipping comments and string literals.
struct BraceScopes {
    /// For each line (0-based), the 1-based line of the innermost open brace's opener, or `nil` at top level.
    private var innermost: [Int?] = []

    init(_ lines: [String]) {
        var stack: [Int] = []
        var inBlockComment = false
        var inMultilineString = false
        for (index, line) in lines.enumerated() {
            innermost.append(stack.last)
            let characters = Array(line)
            var position = 0
            var inString = false
            while position < characters.count {
                let character = characters[position]
                let next = position + 1 < characters.count ? characters[position + 1] : " "
                if inBlockComment {
                    if character == "*" && next == "/" {
                        inBlockComment = false
                        position += 1
                    }
                } else if inMultilineString {
                    if line[line.index(line.startIndex, offsetBy: position)...].hasPrefix("\"\"\"") {
                        inMultilineString = false
                        position += 2
                    }
                } else if inString {
                    if character == "\\" {
                        position += 1
                    } else if character == "\"" {
                        inString = false
                    }
                } else if character == "/" && next == "/" {
                    break
                } else if character == "/" && next == "*" {
                    inBlockComment = true
                    position += 1
                } else if line[line.index(line.startIndex, offsetBy: position)...].hasPrefix("\"\"\"") {
                    inMultilineString = true
                    position += 2
                } else if character == "\"" {
                    inString = true
                } else if character == "{" {
                    // A lone `{` belongs to the line above it.
                    var opener = index + 1
                    if line.trimmingCharacters(in: .whitespaces) == "{" {
                        var above = index - 1
                        while above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).isEmpty { above -= 1 }
                        opener = above + 1
                    }
                    stack.append(opener)
                } else if character == "}" {
                    _ = stack.popLast()
                }
                position += 1
            }
        }
    }

    /// The opener of the innermost scope open at the start of `line` (1-based).
    func opener(of line: Int) -> Int? {
        line >= 1 && line <= innermost.count ? innermost[line - 1] : nil
    }
}
