import Foundation

/// The walkthrough block this action keeps in a pull request's description (`describe: true`), between its
/// markers; everything the author wrote outside them is kept as it is.
package enum DescriptionRenderer {
    /// Opens the block.
    package static let start = "<!-- chatgpt-probot:describe:start -->"
    /// Closes the block.
    package static let end = "<!-- chatgpt-probot:describe:end -->"

    /// The block for `report`: the summary and the walkthrough.
    package static func block(_ report: RunReport, budget: Int) -> Markdown {
        var text: Markdown = "### 🤖 ChatGPT Probot walkthrough\n\n"
        let summary = WalkthroughRenderer.summary(report)
        if !summary.isEmpty { text += summary + "\n" }
        text += WalkthroughRenderer.table(report, budget: max(1_000, budget - text.count - 200))
        return Markers.trusted(start) + "\n" + text + "\n" + Markers.trusted(end)
    }

    /// `existing` with the block replaced in place, or appended after the author's text the first time.
    ///
    /// The author's own text is written back as it is: it is theirs, in their own pull request.
    package static func merge(existing: String?, block: Markdown) -> Markdown {
        let body = existing ?? ""
        if let open = body.range(of: start), let close = body.range(of: end, range: open.upperBound..<body.endIndex) {
            return MarkdownBuilder.authorsOwn(String(body[..<open.lowerBound])) + block
                + MarkdownBuilder.authorsOwn(String(body[close.upperBound...]))
        }
        let trimmed = body.trimmingWhitespace()
        return trimmed.isEmpty ? block : MarkdownBuilder.authorsOwn(body) + "\n\n" + block
    }
}
