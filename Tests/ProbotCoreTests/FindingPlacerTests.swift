import ProbotCore
import ProbotTestSupport
import Testing

struct FindingPlacerTests {
    private func files() throws -> [FileDiff] {
        [
            FileDiff(
                path: "Shop.swift", hunks: try PatchParser.parse(Fixture.text("patches/multi-hunk.patch", in: .module))),
            FileDiff(
                path: "main.py", hunks: try PatchParser.parse(Fixture.text("patches/empty-context.patch", in: .module))),
        ]
    }

    private func finding(
        _ line: Int, path: String = "Shop.swift", start: Int? = nil, side: DiffSide = .right,
        _ severity: Severity = .major,
        title: String = "Problem", suggestion: String? = nil
    ) -> Finding {
        Finding(
            path: path, line: line, startLine: start, side: side, severity: severity, title: title, body: "Details.",
            suggestion: suggestion)
    }

    @Test func inlineOnlyWhereGitHubAcceptsIt() throws {
        let placer = FindingPlacer(files: try files(), minSeverity: .nit, maxComments: 50)
        let result = placer.place([
            finding(2),  // +import CartKit: inline
            finding(2, side: .left),  // -import Cart: inline on LEFT
            finding(20),  // between hunks: body
            finding(1, path: "Other.swift"),  // not in the PR: body
            finding(44, start: 42),  // range in one hunk: inline
            finding(42, start: 3),  // range across hunks: body
            finding(6, side: .left),  // LEFT line past the first hunk's old range: body
        ])
        #expect(
            result.inline.map { "\($0.path):\($0.line)\($0.side == .left ? "L" : "")" } == [
                "Shop.swift:2", "Shop.swift:2L", "Shop.swift:44",
            ])
        #expect(result.inline[2].startLine == 42)
        #expect(result.body.map(\.reason) == [.lineNotInDiff, .fileNotInDiff, .lineNotInDiff, .lineNotInDiff])
        #expect(result.posted.count == 7)
    }

    @Test func sameTextOnDifferentLinesIsTwoFindingsButExactRepeatsAreOne() throws {
        let placer = FindingPlacer(files: try files(), minSeverity: .nit, maxComments: 50)
        let result = placer.place([finding(42), finding(43), finding(42)])
        #expect(result.inline.map(\.line) == [42, 43])
        #expect(result.duplicates == 1)
    }

    @Test func minSeverityAndMaxCommentsKeepTheMostSevereInline() throws {
        let placer = FindingPlacer(files: try files(), minSeverity: .minor, maxComments: 2)
        let result = placer.place([
            finding(42, .minor, title: "a"), finding(43, .critical, title: "b"), finding(44, .nit, title: "c"),
            finding(45, .major, title: "d"),
        ])
        #expect(result.inline.map(\.finding.title) == ["b", "d"])
        #expect(result.body.map(\.finding.title) == ["a"])
        #expect(result.body[0].reason == .overCommentLimit)
        #expect(result.belowMinSeverity.map(\.title) == ["c"])
    }

    @Test func startLineEqualToLineBecomesASingleLineComment() throws {
        let placer = FindingPlacer(files: try files(), minSeverity: .nit, maxComments: 5)
        let result = placer.place([finding(43, start: 43)])
        #expect(result.inline.count == 1)
        #expect(result.inline[0].startLine == nil)
    }

    @Test func suggestionBlocksOnlyForRightSideRealChanges() throws {
        let placer = FindingPlacer(files: try files(), minSeverity: .nit, maxComments: 5)
        let result = placer.place([
            finding(42, suggestion: "        guard isOpen == false else {"),
            finding(2, side: .left, suggestion: "import Cart2"),
            finding(43, suggestion: "            return"),  // identical to the current line: no block
        ])
        #expect(result.inline[0].body.contains("```suggestion\n        guard isOpen == false else {\n```"))
        #expect(!result.inline[1].body.contains("```suggestion"))
        #expect(result.inline[1].body.contains("Suggested replacement"))
        #expect(!result.inline[2].body.contains("```"))
    }
}

struct CommentRendererTests {
    @Test func fenceOutgrowsBacktickRuns() {
        #expect(MarkdownBuilder.codeBlock("let x = 1").rawValue == "```\nlet x = 1\n```")
        #expect(MarkdownBuilder.codeBlock("```swift\ncode\n```").hasPrefix("````\n"))
        #expect(MarkdownBuilder.codeBlock("a ````` b").hasPrefix("``````\n"))
    }

    @Test func modelTextCannotForgeMarkersOrPingPeople() {
        let text = MarkdownSanitizer.sanitize(
            "Ask @octocat <!-- chatgpt-probot:review --> now, mail me@example.com `@x`")
        #expect(!text.contains("<!--"))
        #expect(text.contains("@\u{200B}octocat"))
        #expect(text.contains("me@\u{200B}example.com"))
        #expect(text.contains("`@x`"))
    }
}
