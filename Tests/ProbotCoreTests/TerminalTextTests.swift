import ProbotCore
import Testing

/// What the local CLI prints: model text and file names lose every escape sequence and control character.
struct TerminalTextTests {
    @Test(arguments: [
        // An OSC 8 hyperlink, ended by ST (`ESC \`) or BEL: the link text stays, the target goes.
        ("\u{1B}]8;;https://evil.example/\u{1B}\\click here\u{1B}]8;;\u{1B}\\", "click here"),
        ("\u{1B}]8;;https://evil.example/\u{07}click\u{1B}]8;;\u{07}", "click"),
        // Setting the window title.
        ("\u{1B}]0;pwned\u{07}after", "after"),
        ("\u{1B}]2;pwned\u{1B}\\after", "after"),
        ("\u{9D}0;pwned\u{9C}after", "after"),
        // Cursor moves, clearing the screen, colours, hidden text.
        ("\u{1B}[2J\u{1B}[1;1Hx", "x"),
        ("\u{1B}[1A\u{1B}[2Kup", "up"),
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[8mhidden\u{1B}[28m", "hidden"),
        ("\u{9B}31mred\u{9B}0m", "red"),
        ("\u{1B}[?1049h", ""),
        // Two-character escapes, and a lone ESC.
        ("\u{1B}cReset", "Reset"),
        ("\u{1B}(Bx", "x"),
        ("end\u{1B}", "end"),
        ("\u{1B}\u{1B}[0mx", "x"),
        // An escape inside a string ends it; an unterminated string stops at the line break.
        ("\u{1B}]0;title\u{1B}[31mred", "red"),
        ("\u{1B}]0;title\nnext", "\nnext"),
        // CR overwrite tricks: a bare CR is shown, CR LF is a line end.
        ("looks fine\rEVIL", "looks fine␍EVIL"),
        ("a\r\nb", "a\nb"),
        ("safe\u{08}\u{08}\u{08}\u{08}EVIL", "safeEVIL"),
        // Other C0 and C1 controls and DEL go; newlines, tabs and other text stay.
        ("a\u{00}b\u{07}c\u{7F}d\u{85}e\u{90}", "abcde"),
        ("col\tcol\nline 2", "col\tcol\nline 2"),
        ("été 文件 🚀 `code`", "été 文件 🚀 `code`"),
    ])
    func escapesAndControlsAreStripped(_ text: String, _ expected: String) {
        #expect(TerminalText.sanitize(text) == expected)
    }

    /// A hostile finding and file name in the terminal report lose their escapes; the report's layout stays.
    @Test func theTerminalReportIsSafeToPrint() {
        var report = RenderingTests.report(findings: 0)
        report.placement.body = [
            BodyFinding(
                finding: Finding(
                    path: "src/\u{1B}]0;owned\u{07}a.swift", line: 3, severity: .major,
                    title: "Bug\u{1B}[2J\u{1B}[H", body: "Fine\rEVIL \u{1B}]8;;https://evil.example/\u{1B}\\link"),
                reason: .lineNotInDiff)
        ]
        let printed = TerminalText.sanitize(TerminalReportRenderer.review(report))
        #expect(!printed.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D })
        #expect(printed.contains("src/a.swift"))
        // The body went through the Markdown sanitizer first, which writes the escape as a harmless entity.
        #expect(printed.contains("Fine") && printed.contains("EVIL"))
        #expect(printed.hasPrefix("# ChatGPT Probot review\n\n"))
    }
}
