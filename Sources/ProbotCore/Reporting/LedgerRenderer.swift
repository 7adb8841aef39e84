/// The ledger and the learnings applied, as the sticky summary and the job summary show them.
package enum LedgerRenderer {
    /// Rows of the job summary's per-finding table before it is folded into `<details>`.
    package static let foldAfter = 25

    /// The small table of fates and reactions: fixed, dismissed, 👍, 👎, open (occurrences, never sets).
    package static func table(_ ledger: ReviewLedger) -> Markdown {
        var out: Markdown = "\n### Findings so far\n\n| Fate | Count |\n|---|---:|\n"
        out += "| \(ReviewLedger.Fate.fixed.label) | \(ledger.count(.fixed)) |\n"
        out += "| \(ReviewLedger.Fate.dismissed.label) | \(ledger.count(.dismissed)) |\n"
        out += "| 👍 | \(ledger.thumbsUp) |\n"
        out += "| 👎 | \(ledger.thumbsDown) |\n"
        out += "| \(ReviewLedger.Fate.open.label) | \(ledger.count(.open)) |\n"
        out += "\n<sub>\(ledger.entries.count) finding(s) posted in review threads on this pull request.</sub>\n"
        return out
    }

    /// The job summary's section: the table, then one row per finding (folded past ``foldAfter``).
    package static func section(_ ledger: ReviewLedger) -> Markdown {
        var out = table(ledger)
        guard !ledger.entries.isEmpty else { return out }
        let rows = ledger.entries.map { entry -> Markdown in
            "| \(codeCell: entry.path) | \(cell: entry.title) | \(entry.fate.label) | \(entry.reactions.thumbsUp) | \(entry.reactions.thumbsDown) |\n"
        }
        let header: Markdown = "| File | Finding | Fate | 👍 | 👎 |\n|---|---|---|---:|---:|\n"
        if rows.count > foldAfter {
            out += "\n<details><summary>Every finding (\(rows.count))</summary>\n\n" + header + rows.joined()
            out += "\n</details>\n"
        } else {
            out += "\n" + header + rows.joined()
        }
        return out
    }

    /// The learnings that went into this review's requests.
    package static func learningsApplied(_ learnings: [Learning]) -> Markdown {
        guard !learnings.isEmpty else { return .empty }
        var out: Markdown = "\n### Learnings applied\n\n| Rule | Scope | Taught by |\n|---|---|---|\n"
        for learning in learnings {
            var source: Markdown = "\(cell: "@" + learning.teacher)"
            if let url = learning.commentURL { source += " · " + MarkdownBuilder.link("learning", to: url) }
            out += "| \(cell: learning.rule) | \(codeCell: learning.scope) | \(source) |\n"
        }
        return out
    }
}
