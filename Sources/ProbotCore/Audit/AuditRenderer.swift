/// Renders an audit for the job summary and the tracking issue.
package enum AuditRenderer {
    /// Hidden marker of the tracking issue.
    package static let issueMarker = "<!-- chatgpt-probot:audit -->"

    /// The job summary.
    package static func summary(_ report: AuditReport, sarifPath: String?) -> String {
        var out = "## 🤖 ChatGPT Probot · audit of \(report.repository)"
        if let shard = report.shard { out += " · shard \(shard)" }
        out += report.dryRun ? " · dry run\n\n" : "\n\n"
        out += JobSummaryRenderer.diagnosticsSection(report.diagnostics)
        out += overview(report)
        if let sarifPath, !report.dryRun {
            out += "\nSARIF: `\(sarifPath)` (upload it with `github/codeql-action/upload-sarif`).\n"
        }
        out += findings(report, limit: 500)
        out += notAudited(report, limit: 500)
        return JobSummaryRenderer.clip(out)
    }

    /// The tracking issue's body: the latest audit, replaced in place on every run.
    package static func issue(_ report: AuditReport, runURL: String?) -> String {
        var out = "Findings of the latest scheduled audit by ChatGPT Probot"
        if !report.commit.isEmpty { out += " at `\(report.commit.prefix(12))`" }
        if let runURL { out += " ([run](\(runURL)))" }
        out += ". This issue is updated in place on every run.\n\n"
        if let shard = report.shard {
            out +=
                "> [!NOTE]\n> This run was shard \(shard): only shard 1 updates this issue, so it lists that shard's files. Every shard uploads its SARIF, so code scanning shows them all.\n\n"
        }
        out += overview(report) + findings(report, limit: 300) + notAudited(report, limit: 200)
        return ReviewBodyRenderer.fit(head: out, sections: [], tail: "\n" + issueMarker + "\n")
    }

    private static func overview(_ report: AuditReport) -> String {
        var out = "| | |\n|---|---|\n"
        out += "| Model | `\(report.model)` |\n"
        let audited = report.dryRun ? report.plan.reviewedPaths.count : report.auditedSuccessfully.count
        out +=
            "| Coverage | \(audited) of \(report.filesInScope) file(s) audited · \(Set(report.notAudited.map(\.path)).count) not |\n"
        if report.dryRun {
            out +=
                "| Planned | \(report.plan.batches.count) request(s), \(Format.count(report.plan.promptTokens)) prompt tokens |\n"
        } else {
            out +=
                "| Findings | \(report.findings.count)\(report.belowMinSeverity > 0 ? " (\(report.belowMinSeverity) more below `min-severity`)" : "") |\n"
            out +=
                "| Tokens | \(Format.count(report.usage.promptTokens)) prompt → \(Format.count(report.usage.completionTokens)) completion |\n"
            out += "| Cost | \(report.costUSD.map { "≈ " + Format.dollars($0) } ?? "unknown") |\n"
        }
        out += "| Duration | \(Format.duration(report.duration)) |\n"
        return out
    }

    private static func findings(_ report: AuditReport, limit: Int) -> String {
        guard !report.dryRun else { return "" }
        guard !report.findings.isEmpty else { return "\n### Findings\n\nNo findings. ✅\n" }
        var out = "\n### Findings\n\n| Severity | Count |\n|---|---:|\n"
        for severity in Severity.allCases {
            let count = report.findings.count { $0.finding.severity == severity }
            if count > 0 { out += "| \(severity.badge) \(severity.rawValue) | \(count) |\n" }
        }
        let grouped = Dictionary(grouping: report.findings.prefix(limit), by: \.finding.path)
        for path in grouped.keys.sorted() {
            out += "\n**`\(path)`**\n\n"
            for item in grouped[path] ?? [] {
                out +=
                    CommentRenderer.listEntry(item.finding) + (item.unlocated.map { "\n  <sub>\($0)</sub>" } ?? "")
                    + "\n"
            }
        }
        if report.findings.count > limit { out += "\n…and \(report.findings.count - limit) more.\n" }
        return out
    }

    private static func notAudited(_ report: AuditReport, limit: Int) -> String {
        let files = report.notAudited
        guard !files.isEmpty else { return "" }
        var out = "\n<details><summary>\(files.count) file(s) not audited</summary>\n\n| File | Reason |\n|---|---|\n"
        for file in files.prefix(limit) {
            out += "| `\(Format.cell(file.path))` | \(Format.cell(file.reason.description)) |\n"
        }
        if files.count > limit { out += "\n…and \(files.count - limit) more.\n" }
        return out + "\n</details>\n"
    }
}
