import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

struct PatchParserTests {
    /// The golden pairs: every `patches/X.patch` beside its `patches/X.expected.json`.
    static let goldenNames = (try? Fixture.names(in: "patches", suffix: ".patch", bundle: .module)) ?? []

    @Test func theGoldenFolderIsFound() {
        #expect(Self.goldenNames.count >= 7)
    }

    /// Each golden patch parses to its expected hunks.
    @Test(arguments: goldenNames) func goldenPatch(_ name: String) throws {
        let patch = try Fixture.text("patches/\(name)", in: .module)
        let expected = try JSONDecoder().decode(
            [Hunk].self, from: Fixture.data("patches/\(name.replacing(".patch", with: ".expected.json"))", in: .module))
        #expect(try PatchParser.parse(patch) == expected)
    }

    @Test func numbersBothSidesAcrossHunks() throws {
        let hunks = try PatchParser.parse(Fixture.text("patches/multi-hunk.patch", in: .module))
        #expect(hunks.count == 2)
        #expect(hunks[1].section == "struct Shop {")
        let added = hunks[1].lines.filter { $0.kind == .added }.compactMap(\.newLine)
        #expect(added == [42, 43, 44])
        #expect(hunks[1].lines.last?.newLine == 47)
        #expect(hunks[1].lines.last?.oldLine == 44)
    }

    @Test func noNewlineMarkersAreNotLines() throws {
        let hunks = try PatchParser.parse(Fixture.text("patches/no-newline.patch", in: .module))
        #expect(hunks[0].lines.count == 4)
        #expect(!hunks[0].lines.contains { $0.content.contains("No newline") })
    }

    @Test func crlfIsStripped() throws {
        let hunks = try PatchParser.parse(Fixture.text("patches/crlf.patch", in: .module))
        #expect(hunks[0].lines.map(\.content) == ["keep", "old", "new", "keep too"])
    }

    @Test func malformedHeadersAndLinesAreErrors() {
        #expect(throws: DiffParseError.badHunkHeader(line: 1, text: "@@ -a,b +c @@")) {
            try PatchParser.parse("@@ -a,b +c @@\n+x")
        }
        #expect(throws: DiffParseError.unexpectedLine(line: 2, text: "*weird")) {
            try PatchParser.parse("@@ -1,1 +1,1 @@\n*weird")
        }
        #expect(throws: DiffParseError.contentBeforeHunk(line: 1)) { try PatchParser.parse("+orphan") }
    }

    @Test func headerRoundTrips() throws {
        let hunks = try PatchParser.parse("@@ -1 +1,2 @@ fn\n-a\n+b\n+c")
        #expect(hunks[0].header == "@@ -1 +1,2 @@ fn")
    }
}

struct UnifiedDiffParserTests {
    @Test func splitsAGitDiffIntoFilesLikeGitHubsFilesAPI() throws {
        let text = try String(contentsOf: Self.sampleDiff, encoding: .utf8)
        let files = UnifiedDiffParser.parse(text)
        #expect(
            files.map(\.filename) == [
                "Sources/Cart/Checkout.swift", "scripts/export_orders.py", "docs/setup.md", "package-lock.json",
                "assets/logo.png",
            ])
        #expect(files.map(\.status) == ["modified", "added", "renamed", "modified", "modified"])
        #expect(files[2].previousFilename == "docs/old-setup.md")
        #expect(files[4].patch == nil)
        #expect(files[1].additions == 18)
        let hunks = try PatchParser.parse(try #require(files[0].patch))
        #expect(hunks.count == 1)
        #expect(hunks[0].newStart == 12)
    }

    @Test func bareUnifiedDiffAndDeletions() {
        let text = """
            --- a/old.txt\t2026-11-01 10:00:00
            +++ /dev/null
            @@ -1,2 +0,0 @@
            -gone
            -too
            --- a/keep.sql
            +++ b/keep.sql
            @@ -1,2 +1,2 @@
            --- a comment that looks like a header
            +++ not a header either
             select 1;
            """
        let files = UnifiedDiffParser.parse(text)
        #expect(files.map(\.filename) == ["old.txt", "keep.sql"])
        #expect(files[0].status == "removed")
        #expect(files[1].deletions == 1)
        #expect(files[1].additions == 1)
    }

    @Test func emptyInputHasNoFiles() {
        #expect(UnifiedDiffParser.parse("").isEmpty)
        #expect(UnifiedDiffParser.parse("just some text\n").isEmpty)
    }

    static var sampleDiff: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("examples/sample.diff")
    }
}

struct CommentableLinesTests {
    @Test func rightAndLeftSidesFollowGitHubsRules() throws {
        let hunks = try PatchParser.parse(Fixture.text("patches/multi-hunk.patch", in: .module))
        let lines = CommentableLines(hunks: hunks)
        // RIGHT: added and context lines by new number.
        #expect(lines.hunkIndex(line: 2, side: .right) == 0)  // +import CartKit
        #expect(lines.hunkIndex(line: 43, side: .right) == 1)
        #expect(lines.hunkIndex(line: 20, side: .right) == nil)  // between hunks
        // LEFT: deleted and context lines by old number.
        #expect(lines.hunkIndex(line: 2, side: .left) == 0)  // -import Cart
        #expect(lines.hunkIndex(line: 41, side: .left) == 1)  // context
        #expect(lines.hunkIndex(line: 45, side: .left) == nil)  // past the hunk
        #expect(lines.content(line: 2, side: .right) == "import CartKit")
        #expect(lines.content(line: 2, side: .left) == "import Cart")
    }

    @Test func rangesMustStayInOneHunkAndRunForward() throws {
        let lines = CommentableLines(
            hunks: try PatchParser.parse(Fixture.text("patches/multi-hunk.patch", in: .module)))
        #expect(lines.accepts(line: 44, startLine: 42, side: .right))
        #expect(!lines.accepts(line: 42, startLine: 44, side: .right))
        #expect(!lines.accepts(line: 42, startLine: 42, side: .right))
        #expect(!lines.accepts(line: 42, startLine: 3, side: .right))  // start in the first hunk
        #expect(!lines.accepts(line: 100, startLine: nil, side: .right))
    }

    @Test func deletedOnlyFileHasOnlyLeftLines() throws {
        let lines = CommentableLines(hunks: try PatchParser.parse("@@ -1,2 +0,0 @@\n-a\n-b"))
        #expect(lines.count(side: .right) == 0)
        #expect(lines.count(side: .left) == 2)
    }
}
