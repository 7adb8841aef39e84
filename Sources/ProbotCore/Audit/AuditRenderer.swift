/// Renders an audit for the job summary and the tracking issue.
package enum AuditRenderer {
    /// Hidden marker of the tracking issue.
    package static let issueMarker = "<!-- chatgpt-probot:audit -->"

    /// The job summary; `failure`, when the step fails, is named first in the words of the `::error::` line.
    package static func summary(_ report: AuditReport, sarifPath: String?, failure: RunError? = nil) -> Markdown {
        var out: Markdown = "## 🤖 ChatGPT Probot · audit of \(text: report.repository)"
        if let shard = report.shard { out += " · shard \(text: shard.description)" }
        out += report.dryRun ? " · dry run\n\n" : "\n\n"
        if let failure { out += JobSummaryRenderer.failureCallout(failure) }
        out += JobSummaryRenderer.diagnosticsSection(report.diagnostics)
        out += overview(report)
        if let sarifPath, !report.dryRun {
            out += "\nSARIF: \(code: sarifPath) (upload it with `github/codeql-action/upload-sarif`).\n"
        }
        out += findings(report, limit: 500)
        if !report.dryRun { out += UnverifiedRenderer.section(report.unverified) }
        out += notAudited(report, limit: 500)
        return JobSummaryRenderer.clip(out)
    }

    /// The tracking issue's body: the latest audit, replaced in place on every run.
    package static func issue(_ report: AuditReport, runURL: String?) -> Markdown {
        var out: Markdown = "Findings of the latest scheduled audit by ChatGPT Probot"
        if !report.commit.isEmpty { out += " at \(code: report.commit.prefix(12))" }
        if let runURL { out += " (" + MarkdownBuilder.link("run", to: runURL) + ")" }
        out += ". This issue is updated in place on every run.\n\n"
        if let shard = report.shard {
            out +=
                "> [!NOTE]\n> This run was shard \(text: shard.description): only shard 1 updates this issue, so it lists that shard's files. Every shard uploads its SARIF, so code scanning shows them all.\n\n"
        }
        out += overview(report) + findings(report, limit: 300) + notAudited(report, limit: 200)
        return ReviewBodyRenderer.fit(head: out, sections: [], tail: "\n\(Markers.trusted(issueMarker))\n")
    }

    private static func overview(_ report: AuditReport) -> Markdown {
        var out: Markdown = "| | |\n|---|---|\n"
        out += "| Model | \(codeCell: report.model) |\n"
        let audited = report.dryRun ? report.plan.reviewedPaths.count : report.auditedSuccessfully.count
        out +=
            "| Coverage | \(audited) of \(report.filesInScope) file(s) audited · \(Set(report.notAudited.map(\.path)).count) not |\n"
        if report.dryRun {
            out +=
                "| Planned | \(report.plan.batches.count) request(s), \(count: report.plan.promptTokens) prompt tokens |\n"
        } else {
            let below: Markdown =
                report.belowMinSeverity > 0 ? " (\(report.belowMinSeverity) more below `min-severity`)" : ""
            out += "| Findings | \(report.findings.count)\(below) |\n"
            out +=
                "| Tokens | \(count: report.usage.promptTokens) prompt → \(count: report.usage.completionTokens) completion |\n"
            out += "| Cost | \(report.costUSD.map { "≈ \(dollars: $0)" as Markdown } ?? "unknown") |\n"
        }
        out += "| Duration | \(duration: report.duration) |\n"
        return out
    }

    private static func findings(_ report: AuditReport, limit: Int) -> Markdown {
        guard !report.dryRun else { return .empty }
        guard !report.findings.isEmpty else { return "\n### Findings\n\nNo findings. ✅\n" }
        var out: Markdown = "\n### Findings\n\n| Severity | Count |\n|---|---:|\n"
        for severity in Severity.allCases {
            let count = report.findings.count { $0.finding.severity == severity }
            if count > 0 { out += "| \(cell: severity.badge) \(cell: severity.rawValue) | \(count) |\n" }
        }
        let grouped = Dictionary(grouping: report.findings.prefix(limit), by: \.finding.path)
        for path in grouped.keys.sorted() {
            out += "\n**\(code: path)**\n\n"
            for item in grouped[path] ?? [] {
                out += CommentRenderer.listEntry(item.finding, repository: report.repository)
                if let unlocated = item.unlocated { out += "\n  <sub>\(text: unlocated)</sub>" }
                out += "\n"
            }
        }
        if report.findings.count > limit { out += "\n…and \(report.findings.count - limit) more.\n" }
        return out
    }

    private static func notAudited(_ report: AuditReport, limit: Int) -> Markdown {
        let files = report.notAudited
        guard !files.isEmpty else { return .empty }
        var out: Markdown =
            "\n<details><summary>\(files.count) file(s) not audited</summary>\n\n| File | Reason |\n|---|---|\n"
        for file in files.prefix(limit) {
            out += "| \(codeCell: file.path) | \(file.reason.markdown) |\n"
        }
        if files.count > limit { out += "\n…and \(files.count - limit) more.\n" }
        return out + "\n</details>\n"
    }
}
