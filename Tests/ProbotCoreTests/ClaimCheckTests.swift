import ProbotCore
import ProbotTestSupport
import Testing

/// Claims checked against the code: cited names are read as code names, looked up as whole tokens in what the
/// request showed (and in the declaration lookup), and findings citing invented code are listed, never posted.
struct ClaimCheckTests {
    /// A rendered section as the prompt builder writes it: header, hunk header, context, diff lines.
    static let section = """
        ### File: Sources/Cart/Invented.swift
        @@ -12,6 +12,8 @@ struct Checkout {
        ~10: import Foundation
         12:     let items: [LineItem]
        -14:     func total() -> Decimal {
        +14:     func total() -> Double {
        +15:         sum += Double(truncating: item.price as NSNumber) * Double(item.quantity)
        +16:         let café = $viewModel.rate
        """

    /// A lookup over a fixed set of names, as a symbol index would answer.
    struct Index: DeclarationLookup {
        var names: Set<String>
        func declares(_ identifier: String) -> Bool { names.contains(identifier) }
    }

    static func finding(
        _ identifiers: [String], title: String = "Problem", line: Int = 15, severity: Severity = .major
    ) -> Finding {
        Finding(
            path: "Sources/Cart/Invented.swift", line: line, severity: severity, title: title, body: "Details.",
            identifiers: identifiers)
    }

    @Test(arguments: [
        ("total()", CitedName.identifier(["total"])),
        ("`default`", .identifier(["default"])),
        ("self.items", .identifier(["items"])),
        ("this.count", .identifier(["count"])),
        ("Self.shared", .identifier(["shared"])),
        ("self", .identifier(["self"])),
        ("Config.timeout", .identifier(["Config", "timeout"])),
        ("std::vector<int>", .identifier(["std", "vector"])),
        ("node->next", .identifier(["node", "next"])),
        ("coupon?.percentOff", .identifier(["coupon", "percentOff"])),
        ("charge(card:amount:)", .identifier(["charge"])),
        ("Array<Int>", .identifier(["Array"])),
        ("items[0]", .identifier(["items"])),
        ("@MainActor", .identifier(["MainActor"])),
        ("\\.price", .identifier(["price"])),
        (".shared", .identifier(["shared"])),
        ("value!", .identifier(["value"])),
        ("$viewModel", .identifier(["$viewModel"])),
        ("café", .identifier(["café"])),
        ("  π  ", .identifier(["π"])),
        ("+=", .text("+=")),
        ("func total", .text("func total")),
        ("<img src=x onerror=alert(1)>", .text("<img src=x onerror=alert(1)>")),
        ("a.b c", .text("a.b c")),
        ("9lives", .text("9lives")),
    ])
    func citedNamesAreReadAsCodeNames(raw: String, expected: CitedName) {
        #expect(CitedName(raw) == expected)
    }

    @Test func blankNamesAreNotChecked() {
        #expect(CitedName("") == nil)
        #expect(CitedName("   ") == nil)
        #expect(CitedName("``") == nil)
        #expect(ClaimVerifier().missingNames(Self.finding(["", " ", "``"]), shown: ShownCode(sections: [])) == [])
    }

    @Test func namesMatchWholeTokensOfTheCodeShown() throws {
        let shown = ShownCode(sections: [Self.section])
        for name in [
            "total", "total()", "self.items", "item.price", "NSNumber", "Checkout", "Foundation", "Decimal",
            "viewModel", "$viewModel", "café", "+=", "func total", "LineItem",
        ] {
            #expect(shown.shows(try #require(CitedName(name))), "\(name) is in the code shown")
        }
        // Word boundaries: parts of tokens, longer tokens, other case, the file header, line numbers.
        for name in ["tot", "totals", "price2", "Total", "Invented", "Cart", "ensureTotalsInvariant", "item.cost"] {
            #expect(!shown.shows(try #require(CitedName(name))), "\(name) is not in the code shown")
        }
        #expect(!shown.tokens.contains("14") && !shown.tokens.contains("Sources"))
    }

    @Test func unicodeNamesCompareByCanonicalEquivalenceAndHiddenCharactersDoNotMatch() throws {
        let shown = ShownCode(sections: [Self.section])  // `café` written precomposed (U+00E9)
        #expect(shown.shows(try #require(CitedName("cafe\u{301}"))))  // e + combining acute
        #expect(!shown.shows(try #require(CitedName("to\u{200B}tal"))))  // a zero-width space inside
        #expect(!shown.shows(try #require(CitedName("tоtal"))))  // Cyrillic о
    }

    @Test func aFindingWithInventedNamesIsUnverifiedWithoutALookupAndVerifiedWhenTheIndexDeclaresThem() {
        let shown = ShownCode(sections: [Self.section])
        let finding = Self.finding([
            "total()", "ensureTotalsInvariant()", "Ledger.reconcile", "ensureTotalsInvariant()",
        ])
        #expect(
            ClaimVerifier().missingNames(finding, shown: shown) == ["ensureTotalsInvariant()", "Ledger.reconcile"])
        let index = Index(names: ["ensureTotalsInvariant", "Ledger", "reconcile"])
        #expect(ClaimVerifier(declarations: index).missingNames(finding, shown: shown) == [])
        // A qualified name needs every part: one shown and one declared is enough, one found nowhere is not.
        let partly = Self.finding(["Checkout.reconcile", "Checkout.rebuild"])
        #expect(ClaimVerifier(declarations: index).missingNames(partly, shown: shown) == ["Checkout.rebuild"])
        // Text that is not an identifier is never vouched for by the index.
        let text = Self.finding(["reconcile()", "reconcile + 1"])
        #expect(ClaimVerifier(declarations: index).missingNames(text, shown: shown) == ["reconcile + 1"])
    }

    @Test func aFindingThatCitesNothingIsNeverUnverified() {
        #expect(ClaimVerifier().missingNames(Self.finding([]), shown: ShownCode(sections: [])) == [])
    }

    static func outcome(_ number: Int, section: String, findings: [Finding]) -> BatchOutcome {
        let file = FileDiff(path: "Sources/Cart/Invented.swift", hunks: [])
        let batch = ReviewBatch(
            number: number,
            items: [BatchItem(file: file, hunks: [], part: nil, rendered: section, tokens: 1, order: 0)],
            messages: [], promptTokens: 1, overheadTokens: 0)
        return BatchOutcome(
            batch: batch, result: .reviewed(ModelReview(summary: "", findings: findings)), usage: .zero,
            duration: .zero)
    }

    @Test func eachFindingIsCheckedAgainstItsOwnRequest() {
        let invented = Self.finding(["reconcile"], title: "Invented")
        let outcomes = [
            Self.outcome(
                1, section: Self.section,
                findings: [
                    Self.finding(["item.price"], title: "Real"), invented, invented,
                    Self.finding(["nowhere"], title: "A nit", severity: .nit), Self.finding([], title: "No names"),
                ]),
            // `reconcile` is shown only in request 2, so a finding there citing it is verified.
            Self.outcome(2, section: "### File: b.swift\n+3: reconcile()", findings: [Self.finding(["reconcile"])]),
            BatchOutcome(
                batch: Self.outcome(3, section: "", findings: []).batch, result: .failed(.contentFiltered),
                usage: .zero, duration: .zero),
        ]
        let checked = ClaimCheck.run(outcomes, verifier: ClaimVerifier(), minSeverity: .minor)
        #expect(checked.unverified == [UnverifiedFinding(finding: invented, missing: ["reconcile"], request: "1")])
        #expect(checked.duplicates == 1)
        #expect(checked.outcomes[0].review?.findings.map(\.title) == ["Real", "A nit", "No names"])
        #expect(checked.outcomes[1].review?.findings.count == 1)
        #expect(checked.outcomes[2] == outcomes[2])
    }

    @Test func theEnginePlacesOnlyVerifiedFindingsAndRecordsTheRest() throws {
        let hunks = try PatchParser.parse("@@ -1,2 +1,3 @@\n let a = 1\n+let total = price * 2\n let b = 2")
        let file = FileDiff(path: "a.swift", hunks: hunks)
        let rendered = DiffRenderer.render(file: file, hunks: hunks)
        let real = Finding(path: "a.swift", line: 2, severity: .major, title: "Real", body: "b", identifiers: ["price"])
        let invented = Finding(
            path: "a.swift", line: 2, severity: .major, title: "Invented", body: "b",
            identifiers: ["applyDiscount()"])
        let batch = ReviewBatch(
            number: 1, items: [BatchItem(file: file, hunks: hunks, part: nil, rendered: rendered, tokens: 1, order: 0)],
            messages: [], promptTokens: 1, overheadTokens: 0)
        let outcome = BatchOutcome(
            batch: batch, result: .reviewed(ModelReview(summary: "", findings: [real, invented])), usage: .zero,
            duration: .zero)
        let inputs = ProbotInputs(openAIAPIKey: "k")
        var engine = ReviewEngine(
            profile: inputs.modelProfile, settings: inputs.reviewSettings, counter: HeuristicTokenCounter(),
            model: ScriptedChatModel.neverAsked, console: SilentConsole())
        let (placed, _) = engine.place([outcome], files: [file])
        #expect(placed.inline.map(\.finding.title) == ["Real"])
        #expect(placed.body.isEmpty)
        #expect(placed.unverified.map(\.finding.title) == ["Invented"])
        #expect(placed.posted.map(\.title) == ["Real"])
        // With an index that declares the helper, both are posted.
        engine.declarations = Index(names: ["applyDiscount"])
        let (indexed, _) = engine.place([outcome], files: [file])
        #expect(indexed.inline.count == 2 && indexed.unverified.isEmpty)
    }

    @Test func theParserReadsIdentifiersAndAnAnswerWithoutThemIsReadAsBefore() throws {
        let review = try ModelOutputParser.parse(
            #"{"summary":"s","findings":[{"path":"a","line":1,"title":"t","body":"b","identifiers":["x", " ", "self.y"]},{"path":"a","line":2,"title":"u","body":"b","identifiers":"z"},{"path":"a","line":3,"title":"v","body":"b"}]}"#
        )
        #expect(review.findings.map(\.identifiers) == [["x", "self.y"], ["z"], []])
    }
}
