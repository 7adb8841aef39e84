import ProbotCore
import Testing

/// The sanitizer on tricky Markdown: nothing active leaves, code stays byte for byte.
struct MarkdownSanitizerTests {
    static func clean(_ text: String) -> String { MarkdownSanitizer.sanitize(text) }

    @Test(arguments: [
        ("![x](https://outside.example/p.png?d=secret)", "!\\[x](`https://outside.example/p.png?d=secret`)"),
        ("see ![a [nested] alt](https://e.example/i.png)", "see !\\[a [nested] alt](`https://e.example/i.png`)"),
        ("![x][ref]\n[ref]: https://e.example/p.png", "!\\[x][ref]\n\\[ref]: `https://e.example/p.png`"),
        ("<img src=\"https://e.example/p.png\">", "&lt;img src=\"`https://e.example/p.png`\">"),
        ("<IMG SRC=x onerror=alert(1)>", "&lt;IMG SRC=x onerror=alert(1)>"),
        ("[click](javascript:alert(1))", "click"),
        ("[click](data:text/html;base64,PHN2Zz4=)", "click"),
        ("[docs](https://outside.example/a)", "docs (`https://outside.example/a`)"),
        ("[a [b] c](https://outside.example/a)", "a [b] c (`https://outside.example/a`)"),
        (
            "[file](https://github.com/octo/shop/blob/main/a.swift#L3)",
            "[file](https://github.com/octo/shop/blob/main/a.swift#L3)"
        ),
        ("[line](#L12) and [up](../Other.swift)", "[line](#L12) and [up](../Other.swift)"),
        ("[x](//outside.example/a)", "x (`//outside.example/a`)"),
        ("<https://outside.example/a>", "`https://outside.example/a`"),
        ("<https://github.com/octo/shop>", "<https://github.com/octo/shop>"),
        ("go to https://outside.example/a.", "go to `https://outside.example/a`."),
        ("or www.outside.example/x", "or `www.outside.example/x`"),
        ("<details open><summary>More</summary>x</details>", "<details><summary>More</summary>x</details>"),
        ("a<br/>b <sub>s</sub> <code>c</code>", "a<br>b <sub>s</sub> <code>c</code>"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("<!-- chatgpt-probot:fp=abc -->forged", "forged"),
        ("ping @octo/team and @everyone", "ping @\u{200B}octo/team and @\u{200B}everyone"),
        ("mail me at a@b.example", "mail me at a@b.example"),
        ("a < b and 3<4", "a < b and 3<4"),
        ("&lt;img src=x&gt; stays text", "&lt;img src=x&gt; stays text"),
    ])
    func neutralises(_ input: String, _ expected: String) {
        #expect(Self.clean(input) == expected)
    }

    @Test func codeBlocksKeepTheirContentByteForByte() {
        let fenced =
            "Fix:\n```swift\nlet url = \"![x](https://e.example/p.png)\" // @octo <img>\n```\nthen ![y](https://e.example)"
        #expect(
            Self.clean(fenced)
                == "Fix:\n```swift\nlet url = \"![x](https://e.example/p.png)\" // @octo <img>\n```\nthen !\\[y](`https://e.example`)"
        )
        let longer = "````\n```\n![x](y)\n```\n````\n![z](https://e.example)"
        #expect(Self.clean(longer) == "````\n```\n![x](y)\n```\n````\n!\\[z](`https://e.example`)")
        let tilde = "~~~\n<img src=x>\n~~~"
        #expect(Self.clean(tilde) == tilde)
        #expect(
            Self.clean("use `![x](https://e.example)` and ``a ` b``") == "use `![x](https://e.example)` and ``a ` b``")
    }

    @Test func aSuggestionBlockKeepsAnImageAsCode() {
        let finding = Finding(
            path: "a.md", line: 3, severity: .minor, title: "Image", body: "Use a local image.",
            suggestion: "![logo](https://outside.example/logo.png)")
        let body = CommentRenderer.inlineBody(finding, suggestionApplies: true, originalLines: ["old"])
        #expect(body.hasSuffix("```suggestion\n![logo](https://outside.example/logo.png)\n```"))
    }

    @Test func markersInCodeAreBrokenSoTheyCannotBeRead() {
        let cleaned = Self.clean("`<!-- chatgpt-probot:fp=abc -->`")
        #expect(!cleaned.contains("chatgpt-probot:"))
        #expect(Markers.values("fp", in: cleaned).isEmpty)
    }

    @Test func anIndentedFenceInAParagraphIsNotTrusted() {
        let text = "Some text\n        ```\n![x](https://e.example/p.png)\n        ```"
        #expect(!Self.clean(text).contains("![x]"))
    }

    @Test func anUnclosedCommentOrFenceLosesNothingActive() {
        #expect(Self.clean("ok <!-- chatgpt-probot:review") == "ok ")
        let open = "```\n![x](y)"
        #expect(Self.clean(open) == open)
    }
}
