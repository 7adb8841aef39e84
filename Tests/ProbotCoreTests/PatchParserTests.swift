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

    /// `git diff` quotes names with a tab, a quote, a backslash or UTF-8 (octal bytes), also in `rename from`.
    @Test func gitsQuotedPathsAreUnquoted() throws {
        let files = UnifiedDiffParser.parse(try Fixture.text("diffs/git-quoted.patch", in: .module))
        #expect(files.map(\.filename) == Self.quotedNames)
        #expect(files.map(\.status) == ["renamed", "modified", "modified", "modified", "modified"])
        #expect(files[0].previousFilename == "old\tname.txt")
        #expect(files[0].patch == nil)
        #expect(files[4].patch?.hasSuffix("+c") == true)
    }

    /// The names the fixtures hold, in their order.
    static let quotedNames = ["new name.txt", "plain.txt", "q\"uote\\back.txt", "sp ace\tx.txt", "été.txt"]

    /// `git format-patch`: the mail header (whose message holds a fake `---`/`+++` pair) is not a file, and the
    /// `-- ` signature after the last hunk is neither a deleted line nor part of the hunk, even right after a
    /// real deleted `- ` line.
    @Test func formatPatchMailsAreReadAsTheirDiffs() throws {
        let files = UnifiedDiffParser.parse(try Fixture.text("diffs/format-patch.patch", in: .module))
        #expect(files.map(\.filename) == Self.quotedNames + ["list.md"])
        let utf8 = try #require(files.first { $0.filename == "été.txt" })
        #expect(utf8.deletions == 1)
        #expect(utf8.additions == 1)
        #expect(utf8.patch?.hasSuffix("+c") == true)
        let list = try #require(files.last)
        #expect(list.deletions == 1)
        #expect(list.patch == "@@ -1,2 +1 @@\n keep\n-- ")
        let hunks = try PatchParser.parse(try #require(list.patch))
        #expect(hunks.map(\.lines.count) == [2])
        #expect(hunks[0].lines.last?.content == "- ")
    }

    /// Lines after a hunk's counted lines are not hunk content; a `\ No newline` marker still is.
    @Test func aHunkEndsWhenItsCountsAreUsedUp() throws {
        let text =
            "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n"
            + "-- \ntrailing words\n+ not an addition\n@@ -9 +9 @@\n-c\n+d\n"
        let files = UnifiedDiffParser.parse(text)
        #expect(files.count == 1)
        #expect(files[0].additions == 2)
        #expect(files[0].deletions == 2)
        #expect(try PatchParser.parse(try #require(files[0].patch)).count == 2)
    }

    /// The same names through the installed git, both as `git diff` and as `git format-patch`.
    @Test func realGitOutputWithUnusualNames() throws {
        let repository = try TemporaryDirectory()
        let names = [
            "tab\there.txt", "quo\"te.txt", "back\\slash.txt", "ünïcødé 文件.txt", "bell\u{07}.txt", "plain.txt",
        ]
        try Self.git(["init", "-q"], in: repository.url)
        for name in names {
            try "one\n".write(to: repository.url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try Self.git(["add", "-A"], in: repository.url)
        try Self.git(["commit", "-qm", "init"], in: repository.url)
        for name in names {
            try "one\n-- \n".write(to: repository.url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try Self.git(["commit", "-qam", "change\n\n--- a/fake\n+++ b/fake\n@@ -1 +1 @@\n-x\n+y"], in: repository.url)
        for command in [["diff", "HEAD~1", "HEAD"], ["format-patch", "-1", "--stdout"]] {
            let files = UnifiedDiffParser.parse(try Self.git(command, in: repository.url))
            #expect(Set(files.map(\.filename)) == Set(names), "\(command)")
            #expect(
                files.allSatisfy { $0.additions == 1 && $0.deletions == 0 && $0.status == "modified" }, "\(command)")
        }
    }

    @Test(arguments: [
        (#""a/sp ace\tx.txt""#, "a/sp ace\tx.txt"),
        (#""a/\303\251t\303\251.txt""#, "a/été.txt"),
        (#""q\"uote\\back""#, "q\"uote\\back"),
        (#""\a\b\t\n\v\f\r""#, "\u{07}\u{08}\t\n\u{0B}\u{0C}\r"),
        (#""\001\177""#, "\u{01}\u{7F}"),
    ])
    func quotedPathsDecodeAsGitWritesThem(_ quoted: String, _ path: String) throws {
        let decoded = try #require(GitQuotedPath.decode(Substring(quoted + "\tafter")))
        #expect(decoded.path == path)
        #expect(decoded.rest == "\tafter")
    }

    @Test(arguments: [#"plain"#, #""unclosed"#, #""bad \q escape""#, #""\400""#, #""\30""#, #""\"#])
    func malformedQuotesAreNotQuotedPaths(_ text: String) {
        #expect(GitQuotedPath.decode(Substring(text)) == nil)
    }

    @Test func aBareAndAQuotedPathShareAHeader() {
        #expect(GitQuotedPath.gitHeaderPaths(#"a/x y "b/x\ty""#)?.new == "b/x\ty")
        #expect(GitQuotedPath.gitHeaderPaths(#"a/x y "b/x\ty""#)?.old == "a/x y")
        #expect(GitQuotedPath.gitHeaderPaths(#""a/x\ty" b/x y"#)?.new == "b/x y")
        #expect(GitQuotedPath.gitHeaderPaths("a/x b/x")?.old == "a/x")
    }

    /// Runs git in `directory` and returns its standard output.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.email=t@example.com", "-c", "user.name=Test", "-c", "core.quotePath=true"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self)
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
