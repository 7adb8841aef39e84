/// Renders the findings the claim check held back (``UnverifiedFinding``): a job-summary section and a line of
/// the sticky summary. Everything the model wrote goes through the `Markdown` builders.
package enum UnverifiedRenderer {
    /// The job summary's "Unverified findings" section; empty when there are none.
    package static func section(_ unverified: [UnverifiedFinding]) -> Markdown {
        guard !unverified.isEmpty else { return .empty }
        var out: Markdown = "\n### Unverified findings\n\n"
        out +=
            "\(unverified.count) finding(s) named code that appears nowhere in the code their request showed (diff, surrounding code) or in the repository's declarations, so they were not posted. They may describe code that does not exist; check before acting on them.\n\n"
        let sorted = unverified.enumerated().sorted {
            ($0.element.finding.severity, $1.offset) > ($1.element.finding.severity, $0.offset)
        }
        let rows = sorted.map(\.element).map { item -> Markdown in
            let finding = item.finding
            let names = item.missing.map { "\(codeCell: $0)" as Markdown }.joined(separator: ", ")
            return
                "| \(cell: finding.severity.badge) \(cell: finding.severity.rawValue) | \(codeCell: finding.path) | \(finding.line) | \(cell: finding.title) | \(names) |"
        }
        return out
            + JobSummaryRenderer.table(
                "| Severity | File | Line | Finding | Cited, not found |\n|---|---|---:|---|---|", rows,
                what: "unverified finding(s)")
    }

    /// The sticky summary's row counting them; empty when there are none.
    package static func stickyRow(_ unverified: [UnverifiedFinding]) -> Markdown {
        guard !unverified.isEmpty else { return .empty }
        return
            "| Not posted: cited code not found | \(unverified.count) (listed in the job summary as unverified) |\n"
    }
}
