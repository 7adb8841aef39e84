/// Renders findings as Markdown for inline comments and the review body.
package enum CommentRenderer {
    /// The inline comment: severity, title, body, and a ```` ```suggestion ```` block when it applies.
    ///
    /// A suggestion becomes a committable block only on the `RIGHT` side (GitHub cannot apply suggestions to
    /// deleted lines) and only when it changes the commented lines; otherwise it is shown as a plain code block.
    /// - Parameter originalLines: the current text of the commented lines, to detect a no-op suggestion.
    package static func inlineBody(
        _ finding: Finding, suggestionApplies: Bool, originalLines: [String], repository: String? = nil
    ) -> Markdown {
        var text: Markdown =
            "\(text: finding.severity.badge) **\(title(finding))** · _\(text: finding.severity.rawValue)_"
        if !finding.body.isEmpty { text += "\n\n\(model: finding.body, repository: repository)" }
        if let suggestion = finding.suggestion {
            let replacement = suggestion.hasSuffix("\n") ? String(suggestion.dropLast()) : suggestion
            if replacement != originalLines.joined(separator: "\n") {
                if suggestionApplies {
                    text += "\n\n" + MarkdownBuilder.codeBlock(replacement, info: "suggestion")
                } else {
                    text += "\n\nSuggested replacement:\n\n" + MarkdownBuilder.codeBlock(replacement)
                }
            }
        }
        return text
    }

    /// A one-item list entry for the review body or a terminal report.
    package static func listEntry(_ finding: Finding, repository: String? = nil) -> Markdown {
        let range = finding.startLine.map { "\($0)–\(finding.line)" } ?? "\(finding.line)"
        let side: Markdown = finding.side == .left ? " (old)" : ""
        var text: Markdown =
            "- \(text: finding.severity.badge) **\(title(finding))** (line \(text: range)\(side), _\(text: finding.severity.rawValue)_)"
        if !finding.body.isEmpty {
            text += "\n" + indented(MarkdownBuilder.model(finding.body, repository: repository))
        }
        if let suggestion = finding.suggestion {
            text += "\n\n" + indented(MarkdownBuilder.codeBlock(suggestion))
        }
        return text
    }

    /// The finding's title as every comment shows it: the model's text, cleaned, on one line.
    package static func title(_ finding: Finding) -> Markdown {
        MarkdownBuilder.inline(model: finding.title)
    }

    /// Each line of `markdown` indented by two spaces, so it stays inside a list item.
    private static func indented(_ markdown: Markdown) -> Markdown {
        markdown.lines().map { "  \($0)" as Markdown }.joined(separator: "\n")
    }
}
