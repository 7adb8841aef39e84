/// Renders a local review or plan as Markdown for a terminal.
package enum TerminalReportRenderer {
    /// The plan of a dry run: requests, tokens and the cost bound.
    package static func plan(_ report: RunReport) -> String {
        let plan = report.plan
        var out = "# ChatGPT Probot · dry run\n\n"
        out +=
            "Model `\(report.model)`\(report.modelInfo.isKnown ? "" : " (not in the catalog: 128k context assumed, price unknown)")"
        out +=
            " · budget \(Format.count(plan.budget.promptTokens)) prompt tokens per request, \(Format.count(plan.budget.completionTokens)) for each answer · counted with \(plan.counterName)\n\n"
        out += "| # | Files | Prompt tokens | Diff share |\n|---:|---|---:|---:|\n"
        for batch in plan.batches {
            let share =
                batch.promptTokens > 0 ? 100 * (batch.promptTokens - batch.overheadTokens) / batch.promptTokens : 0
            out +=
                "| \(batch.number) | \(batch.paths.joined(separator: ", ")) | \(Format.count(batch.promptTokens)) | \(share) % |\n"
        }
        out +=
            "\n\(plan.batches.count) request(s), \(plan.reviewedPaths.count) file(s), \(Format.count(plan.promptTokens)) prompt tokens"
        if let cost = report.plannedCostUSD {
            out +=
                "; cost at most \(Format.dollars(cost)) (every answer at its full \(Format.count(plan.budget.completionTokens))-token reserve)"
        }
        out += "; expected time ≈ \(Format.duration(.seconds(report.expectedSeconds))) on the model's critical path"
        out += ".\n"
        out += repositoryLines(report)
        if !plan.skipped.isEmpty {
            out += "\nNot reviewed:\n"
            for file in plan.skipped { out += "- \(MarkdownBuilder.codeSpan(file.path)): \(file.reason)\n" }
        }
        return out
    }

    /// The findings of a local review, grouped by file.
    package static func review(_ report: RunReport) -> String {
        var out = "# ChatGPT Probot review\n\n"
        let summary = report.mergedSummary.map { [$0] } ?? report.summaries
        for part in summary { out += part + "\n\n" }
        out += ReviewBodyRenderer.statsLine(report).rawValue + "\n"
        let rows = WalkthroughRenderer.rows(report)
        if !rows.isEmpty {
            out += "\n## Walkthrough\n\n"
            for row in rows {
                out +=
                    "- \(MarkdownBuilder.codeSpan(row.name)): \(row.change.isEmpty ? "–" : row.change) (\(row.findings) finding(s))\n"
            }
        }
        let all =
            report.placement.inline.map { ($0.finding, "") }
            + report.placement.body.map { ($0.finding, " (\($0.reason.rawValue))") }
        let grouped = Dictionary(grouping: all, by: \.0.path)
        for path in grouped.keys.sorted() {
            out += "\n## \(MarkdownBuilder.codeSpan(path))\n\n"
            for (finding, note) in (grouped[path] ?? []).sorted(by: { $0.0.line < $1.0.line }) {
                out += CommentRenderer.listEntry(finding).rawValue + note + "\n"
            }
        }
        out += unverified(report.placement.unverified)
        let skipped = report.skippedFiles
        if !skipped.isEmpty {
            out += "\nNot reviewed:\n"
            for file in skipped { out += "- \(MarkdownBuilder.codeSpan(file.path)): \(file.reason)\n" }
        }
        return out
    }

    /// Findings held back by the claim check, with the names they cited.
    private static func unverified(_ items: [UnverifiedFinding]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "\n## Unverified: cited code not found, not posted\n\n"
        for item in items {
            let names = item.missing.map { MarkdownBuilder.codeSpan($0) }.joined(separator: ", ")
            out +=
                "- \(MarkdownBuilder.codeSpan(item.finding.path)):\(item.finding.line) \(item.finding.title) (cites \(names))\n"
        }
        return out
    }
}
