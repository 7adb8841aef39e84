import Foundation

/// Renders findings as Markdown for inline comments and the review body.
package enum CommentRenderer {
    /// The inline comment: severity, title, body, and a ```` ```suggestion ```` block when it applies.
    ///
    /// A suggestion becomes a committable block only on the `RIGHT` side (GitHub cannot apply suggestions to
    /// deleted lines) and only when it changes the commented lines; otherwise it is shown as a plain code block.
    /// - Parameter originalLines: the current text of the commented lines, to detect a no-op suggestion.
    package static func inlineBody(_ finding: Finding, suggestionApplies: Bool, originalLines: [String]) -> String {
        var text = "\(finding.severity.badge) **\(sanitize(finding.title))** · _\(finding.severity.rawValue)_"
        if !finding.body.isEmpty { text += "\n\n" + sanitize(finding.body) }
        if let suggestion = finding.suggestion {
            let replacement = suggestion.hasSuffix("\n") ? String(suggestion.dropLast()) : suggestion
            if replacement != originalLines.joined(separator: "\n") {
                let fence = fence(for: replacement)
                if suggestionApplies {
                    text += "\n\n\(fence)suggestion\n\(replacement)\n\(fence)"
                } else {
                    text += "\n\nSuggested replacement:\n\n\(fence)\n\(replacement)\n\(fence)"
                }
            }
        }
        return text
    }

    /// A one-item list entry for the review body or a terminal report.
    package static func listEntry(_ finding: Finding) -> String {
        let range = finding.startLine.map { "\($0)–\(finding.line)" } ?? "\(finding.line)"
        let side = finding.side == .left ? " (old)" : ""
        var text =
            "- \(finding.severity.badge) **\(sanitize(finding.title))** (line \(range)\(side), _\(finding.severity.rawValue)_)"
        if !finding.body.isEmpty {
            text +=
                "\n"
                + sanitize(finding.body).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n")
        }
        if let suggestion = finding.suggestion {
            let fence = fence(for: suggestion)
            text +=
                "\n\n  \(fence)\n"
                + suggestion.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n") + "\n  \(fence)"
        }
        return text
    }

    /// A backtick fence longer than any backtick run in `text` (at least three).
    package static func fence(for text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            if character == "`" {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// Model text made safe to post; see ``MarkdownSanitizer``.
    package static func sanitize(_ text: String) -> String {
        MarkdownSanitizer.sanitize(text)
    }
}
