/// The one conversation comment ChatGPT Probot keeps up to date on a pull request.
package enum StickySummaryRenderer {
    /// The comment for `report`; the hidden markers record the reviewed head and the files still to review.
    package static func render(_ report: RunReport) -> Markdown {
        var out: Markdown = "## 🤖 ChatGPT Probot\n\n"
        var line: Markdown = "Last reviewed commit \(code: report.headSHA.prefix(12))"
        if let base = report.incrementalBase { line += " (changes since \(code: base.prefix(12)))" }
        if let review = report.review, let url = review.htmlURL {
            line += " · " + MarkdownBuilder.link("latest review", to: url)
        }
        out += line + "\n\n"
        let summary = WalkthroughRenderer.summary(report)
        if !summary.isEmpty { out += summary + "\n\n" }
        if report.nothingNew {
            out += "No new findings since the last review.\n\n"
        }
        out += "| | |\n|---|---|\n"
        out += "| New findings | \(report.placement.posted.count) (\(report.placement.inline.count) inline) |\n"
        if !report.placement.alreadyPosted.isEmpty {
            out += "| Already posted earlier | \(report.placement.alreadyPosted.count) |\n"
        }
        out += UnverifiedRenderer.stickyRow(report.placement.unverified)
        out += "| Files reviewed | \(report.reviewedPaths.count) |\n"
        if let threads = report.threads { out += "| Review threads | \(cell: threads.line) |\n" }
        if report.unchangedSinceLastReview > 0 {
            out += "| Unchanged since the last review | \(report.unchangedSinceLastReview) |\n"
        }
        out +=
            "| Model | \(codeCell: report.model) · \(count: report.usage.promptTokens) → \(count: report.usage.completionTokens) tokens"
        if let cost = report.costUSD { out += " · ≈ \(dollars: cost)" }
        out += " |\n"
        if let ledger = report.ledger { out += LedgerRenderer.table(ledger) }
        out += WalkthroughRenderer.table(report)
        let skipped = report.skippedFiles
        if !skipped.isEmpty { out += ReviewBodyRenderer.skippedTable(skipped, limit: 200) }
        var tail: Markdown = "\n\(Markers.trusted(Markers.summary))\n\(Markers.head(report.headSHA))\n"
        let pending = pendingPaths(report)
        if !pending.isEmpty { tail += Markers.pending(pending) + "\n" }
        return ReviewBodyRenderer.fit(head: out, sections: [], tail: tail)
    }

    /// Files whose review failed at this head: the next run reviews them even if they do not change.
    package static func pendingPaths(_ report: RunReport) -> [String] {
        var seen = Set<String>()
        return report.failedOutcomes.flatMap(\.batch.paths).filter { seen.insert($0).inserted }
    }
}
