import Foundation
import ProbotCore
import Testing

/// The symbol index from ctags' JSON, the related declarations chosen from it, and how they are sent.
struct SymbolIndexTests {
    static func tag(_ name: String, _ path: String, _ line: Int, kind: String = "function") -> String {
        #"{"_type": "tag", "name": "\#(name)", "path": "\#(path)", "line": \#(line), "kind": "\#(kind)"}"#
    }

    @Test func ctagsJSONLinesBecomeDeclarations() {
        let output = [
            #"{"_type": "ptag", "name": "JSON_OUTPUT_VERSION", "path": "0.0", "pattern": "in development"}"#,
            #"{"_type": "tag", "name": "ensureTotals", "path": "Sources/Cart/Totals.swift", "pattern": "/^func ensureTotals($/", "line": 42, "kind": "function", "scope": "Cart", "scopeKind": "struct", "signature": "(_ cart: Cart)"}"#,
            Self.tag("Coupon", "Sources/Cart/Coupon.swift", 3, kind: "struct"),
        ].joined(separator: "\n")
        let parsed = CtagsOutputParser.parse(Data(output.utf8))
        #expect(parsed.rejected == 0)
        #expect(
            parsed.index.declarations == [
                SymbolDeclaration(
                    name: "ensureTotals", path: "Sources/Cart/Totals.swift", line: 42, kind: "function",
                    scope: "Cart", signature: "(_ cart: Cart)"),
                SymbolDeclaration(name: "Coupon", path: "Sources/Cart/Coupon.swift", line: 3, kind: "struct"),
            ])
        #expect(parsed.index.declares("Coupon"))
        #expect(!parsed.index.declares("coupon"), "names match exactly")
        #expect(parsed.index.unique("ensureTotals")?.line == 42)
    }

    @Test(arguments: [
        Self.tag("ok", "../outside.swift", 1), Self.tag("ok", "/etc/passwd", 1), Self.tag("ok", "a/./b.swift", 1),
        Self.tag("ok", "a//b.swift", 1), Self.tag("ok", #"a\u000Ab.swift"#, 1),
        Self.tag("ok", #"a\u001B[31m.swift"#, 1),
        Self.tag("ok", #"a\\b.swift"#, 1), Self.tag("ok", "a.swift", 0), Self.tag("two words", "a.swift", 1),
        Self.tag("9lives", "a.swift", 1), Self.tag(#"x\u000A### File: evil"#, "a.swift", 1),
        Self.tag("naïve", "a.swift", 1), Self.tag("ok", #"a\u2028b.swift"#, 1),
        #"{"_type": "tag", "name": 12, "path": "a.swift", "line": 1}"#, "not json at all", #"{"name": "a"#,
    ])
    func hostileTagsAreRejected(_ line: String) {
        let parsed = CtagsOutputParser.parse(Data((line + "\n" + Self.tag("kept", "a.swift", 2)).utf8))
        #expect(parsed.rejected == 1)
        #expect(parsed.index.declarations.map(\.name) == ["kept"])
    }

    @Test func tagTextIsStrippedOfControlsAndClipped() {
        let line =
            #"{"_type": "tag", "name": "f", "path": "a.swift", "line": 1, "kind": "func\u001B[2Jtion", "signature": "(\#(String(repeating: "x", count: 500)))"}"#
        let declaration = CtagsOutputParser.parse(Data(line.utf8)).index.declarations.first
        #expect(declaration?.kind == "func[2Jtion")
        #expect(declaration?.signature?.count == CtagsOutputParser.textLimit)
    }

    @Test func identifiersSkipStringsCommentsKeywordsAndShortNames() {
        #expect(
            IdentifierScanner.identifiers(in: #"let total = ensureTotals(cart, "applyCoupon") // Coupon"#)
                == ["total", "ensureTotals", "cart"])
        #expect(IdentifierScanner.identifiers(in: "return self.value + xy") == [])
    }

    static let index = SymbolIndex([
        SymbolDeclaration(name: "ensureTotals", path: "Sources/Totals.swift", line: 10, kind: "function"),
        SymbolDeclaration(name: "duplicated", path: "Sources/A.swift", line: 1, kind: "function"),
        SymbolDeclaration(name: "duplicated", path: "Sources/B.swift", line: 1, kind: "function"),
        SymbolDeclaration(name: "nearby", path: "Sources/Cart.swift", line: 4, kind: "function"),
        SymbolDeclaration(name: "faraway", path: "Sources/Cart.swift", line: 40, kind: "function"),
        SymbolDeclaration(name: "checkout", path: "Sources/Cart.swift", line: 11, kind: "function"),
    ])

    static func cartHunk() -> Hunk {
        let lines = [
            DiffLine(kind: .context, content: "    func other() {", oldLine: 10, newLine: 10),
            DiffLine(kind: .added, content: "    func checkout(cart: Cart) {", oldLine: nil, newLine: 11),
            DiffLine(
                kind: .added, content: "        ensureTotals(duplicated(nearby(faraway(value))))", oldLine: nil,
                newLine: 12),
            DiffLine(kind: .added, content: "        ensureTotals(cart)", oldLine: nil, newLine: 13),
        ]
        return Hunk(oldStart: 10, oldCount: 1, newStart: 10, newCount: 4, section: "", lines: lines)
    }

    @Test func relatedDeclarationsAreUniqueAndNotAlreadyShown() {
        let hunk = Self.cartHunk()
        let finder = RelatedFinder(
            index: Self.index, touched: ["Sources/Cart.swift"],
            addedLines: RelatedFinder.addedLines(of: ["Sources/Cart.swift": [hunk]]))
        let window = ContextWindow(above: [NumberedLine(4, "    func nearby() {")])
        let needs = finder.needs(path: "Sources/Cart.swift", hunks: [hunk], windows: [10: window])
        // Used twice, so first; declared twice is ambiguous; `nearby` is in the window shown; `value` is common.
        #expect(needs.declarations.map(\.declaration.name) == ["ensureTotals", "faraway"])
        #expect(needs.declarations.first?.usedBy == [10])
        // `checkout` is declared on an added line: the pull request changes it, so its call sites are wanted.
        #expect(needs.changed.map(\.declaration.name) == ["checkout"])
    }

    @Test func aDeclarationTakesItsSignatureContinuation() throws {
        let source = [
            "import Foundation", "", "func ensureTotals(", "    _ cart: Cart,", "    rounding: Int", ") -> Totals? {",
            "    nil", "}", "let limit = 5", "let other = 6",
        ]
        let declaration = SymbolDeclaration(name: "ensureTotals", path: "T.swift", line: 3, kind: "function")
        let snippet = try #require(
            RelatedSnippet.declaration(declaration, source: source, continuation: 4, usedBy: [1]))
        #expect(snippet.lines.map(\.number) == [3, 4, 5, 6])
        let constant = SymbolDeclaration(name: "limit", path: "T.swift", line: 9, kind: "variable")
        #expect(
            RelatedSnippet.declaration(constant, source: source, continuation: 4, usedBy: [1])?.lines.map(\.number)
                == [9])
    }

    static func snippet(_ name: String, path: String, line: Int, usedBy: [Int] = [1]) -> RelatedSnippet {
        RelatedSnippet(
            name: name, path: path, kind: "function", role: .declaration,
            lines: [NumberedLine(line, "func \(name)(value: Int) -> Int {")], usedBy: usedBy)
    }

    @Test func aRequestShowsEachDeclarationOnceAfterItsDiff() throws {
        var first = PromptBatcherTests.file("a.swift", hunks: 1, linesPerHunk: 3)
        var second = PromptBatcherTests.file("b.swift", hunks: 1, linesPerHunk: 3)
        first.related = [
            Self.snippet("shared", path: "c.swift", line: 7), Self.snippet("inB", path: "b.swift", line: 2),
        ]
        second.related = [Self.snippet("shared", path: "c.swift", line: 7)]
        let plan = PromptBatcher(
            counter: CharacterCounter(), builder: PromptBuilder(),
            budget: ReviewBudget(promptTokens: 20_000, completionTokens: 1000)
        ).plan([first, second])
        let batch = try #require(plan.batches.first)
        let user = try #require(batch.messages.last?.content)
        #expect(user.components(separatedBy: "Declaration of shared (function) at c.swift:7\n=7: ").count == 2)
        #expect(!user.contains("Declaration of inB"), "b.swift's line 2 is an added line of this request")
        #expect(
            user.range(of: RelatedRenderer.heading)?.lowerBound ?? user.startIndex > user.range(
                of: "### File: b.swift")?.lowerBound ?? user.endIndex)
        #expect(batch.messages.first?.content.contains(PromptBuilder.relatedRule) == true)
        #expect(batch.promptTokens == CharacterCounter().count(messages: batch.messages))
        #expect(plan.contextCuts.isEmpty)
    }

    /// A file with scope context and related declarations, over the budget in steps.
    static func crowded() -> FileDiff {
        let source = ["struct Cart {", "    func total() -> Int {"] + (3...40).map { "        let a\($0) = \($0)" }
        let hunk = ContextBuilderTests.hunk(source, changed: [30])
        var file = FileDiff(path: "Cart.swift", hunks: [hunk])
        file.context = ContextBuilder(maxAbove: 60).windows(for: [hunk], source: source)
        file.related = (1...5).map {
            Self.snippet("helper\($0)", path: "Helpers.swift", line: $0 * 10, usedBy: [hunk.newStart])
        }
        return file
    }

    @Test func relatedGoesFirstThenScopeLinesThenTheOpenersLast() throws {
        let file = Self.crowded()
        let builder = PromptBuilder()
        func fits(_ level: ContextLevel, related: Bool) -> Int {
            var showing = builder
            showing.showsRelated = true
            let rendered = builder.section(file: file, hunks: file.hunks, part: nil, level: level)
            let block = related ? RelatedRenderer.render(file.related) : ""
            return CharacterCounter().count(messages: showing.messages(sections: [rendered] + (related ? [block] : [])))
        }
        let steps: [(budget: Int, level: ContextLevel, related: Int, cuts: [ContextCut.Reason])] = [
            // One token of slack: a piece is counted with its separator.
            (fits(.full, related: true) + 1, .full, 5, []),
            (fits(.full, related: false) + 1, .full, 0, [.relatedLeftOut(count: 5)]),
            (fits(.openers, related: false) + 1, .openers, 0, [.relatedLeftOut(count: 5), .openersOnly]),
            (fits(.none, related: false) + 1, .none, 0, [.relatedLeftOut(count: 5), .contextLeftOut]),
        ]
        for step in steps {
            let plan = PromptBatcher(
                counter: CharacterCounter(), builder: builder,
                budget: ReviewBudget(promptTokens: step.budget, completionTokens: 1000)
            ).plan([file])
            let item = try #require(plan.batches.first?.items.first, "budget \(step.budget)")
            #expect(item.level == step.level, "budget \(step.budget)")
            #expect(item.related.count == step.related)
            #expect(plan.contextCuts.map(\.reason) == step.cuts)
            #expect(item.hunks == file.hunks, "no diff line is ever cut before context")
            #expect(try #require(plan.batches.first).promptTokens <= step.budget)
        }
        let openers = builder.section(file: file, hunks: file.hunks, part: nil, level: .openers)
        #expect(openers.contains("~2:     func total() -> Int {\n~ …\n"))
        #expect(!openers.contains("~3:"))
    }

    @Test func numbersRunForwardFromTheHeader() {
        let file = Self.crowded()
        let rendered = DiffRenderer.render(file: file, hunks: file.hunks)
        let lines = rendered.split(separator: "\n").map(String.init)
        // The hunk is @@ -27,6 +27,7 @@; its window opens at the method's line 2 and ends three lines below.
        #expect(file.hunks[0].header == "@@ -27,6 +27,7 @@")
        #expect(lines[1] == "@@ -2,34 +2,35 @@")
        #expect(lines[2] == "~2:     func total() -> Int {")
        let numbers = lines.dropFirst(2).compactMap { line -> Int? in
            Int(line.dropFirst().prefix { $0 != ":" })
        }
        #expect(numbers == Array(2...36), "every number runs forward from the header's start")
    }

    @Test func aPartOfASplitFileShowsItsOwnScopeLine() {
        let lines = ["func long() {"] + (1...30).map { "    step(\($0))" } + ["}"]
        let first = ContextBuilderTests.hunk(lines, changed: [6])
        let second = ContextBuilderTests.hunk(lines, changed: [24])
        var file = FileDiff(path: "long.swift", hunks: [first, second])
        file.context = ContextBuilder(maxAbove: 60).windows(for: [first, second], source: lines)
        #expect(file.context[second.newStart]?.above.first?.number != 1, "the first hunk's window shows line 1")
        let whole = DiffRenderer.render(file: file, hunks: [first, second])
        #expect(whole.components(separatedBy: "~1: func long() {\n").count == 2, "shown once")
        let part = DiffRenderer.render(file: file, hunks: [second], part: (2, 2), level: .full)
        #expect(part.contains("~1: func long() {\n~ …\n"))
        let openers = DiffRenderer.render(file: file, hunks: [second], part: (2, 2), level: .openers)
        #expect(openers.contains("~1: func long() {\n~ …\n"))
    }

    @Test func everyCutIsListedInTheJobSummaryWithItsReason() throws {
        let file = Self.crowded()
        let builder = PromptBuilder()
        var showing = builder
        showing.showsRelated = true
        let rendered = builder.section(file: file, hunks: file.hunks, part: nil, level: .openers)
        let budget = CharacterCounter().count(messages: showing.messages(sections: [rendered])) + 1
        let plan = PromptBatcher(
            counter: CharacterCounter(), builder: builder,
            budget: ReviewBudget(promptTokens: budget, completionTokens: 1)
        ).plan([file])
        #expect(plan.contextCuts.map(\.reason) == [.relatedLeftOut(count: 5), .openersOnly])
        var report = RunReport(
            pullRequest: nil, model: "gpt-4o", modelInfo: ModelCatalog.info(for: "gpt-4o"), dryRun: true, plan: plan)
        report.symbolIndex = SymbolIndexStatus(declarations: 12, files: 3, seconds: 1.5)
        let summary = JobSummaryRenderer.render(report).rawValue
        #expect(summary.contains("### Context cut to fit the budget"))
        #expect(
            summary.contains(
                "| `Cart.swift` | 5 related declaration(s) left out: the file did not fit a request with them |"))
        #expect(summary.contains("| `Cart.swift` | surrounding code cut to the scopes"))
        #expect(summary.contains("| Symbol index | 12 declarations in 3 files (1.5 s) · 0 related snippet(s) sent |"))
    }

    @Test func eachPartOfASplitFileKeepsItsScopeLine() throws {
        let lines = ["func long() {"] + (1...70).map { "    step(\($0), \(String(repeating: "x", count: 30)))" } + ["}"]
        let first = ContextBuilderTests.hunk(lines, changed: [12])
        let second = ContextBuilderTests.hunk(lines, changed: [60])
        var file = FileDiff(path: "long.swift", hunks: [first, second])
        file.context = ContextBuilder(maxAbove: 20).windows(for: [first, second], source: lines)
        let builder = PromptBuilder()
        let costs = [first, second].enumerated().map { index, hunk in
            CharacterCounter().count(builder.section(file: file, hunks: [hunk], part: (index + 1, 2), level: .openers))
        }
        let budget = CharacterCounter().count(messages: builder.messages(sections: [])) + (costs.max() ?? 0) + 2
        let plan = PromptBatcher(
            counter: CharacterCounter(), builder: builder,
            budget: ReviewBudget(promptTokens: budget, completionTokens: 1)
        ).plan([file])
        let items = plan.batches.flatMap(\.items)
        #expect(items.count == 2)
        for item in items { #expect(item.rendered.contains("~1: func long() {\n"), "\(item.rendered)") }
        #expect(plan.skipped.isEmpty)
    }
}
