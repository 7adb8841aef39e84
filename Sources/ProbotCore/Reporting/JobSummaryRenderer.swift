/// Renders the job summary (`GITHUB_STEP_SUMMARY`): tables and a chart, kept well under GitHub's 1 MiB cap.
package enum JobSummaryRenderer {
    /// GitHub drops a step summary over 1 MiB; stay well below it.
    package static let byteLimit = 900 * 1024
    /// Most rows per table before the rest is counted in a note.
    package static let rowLimit = 500

    /// The summary of a finished or failed run.
    /// - Parameter failure: why the run fails the step, when it does (defaults to the report's own failure).
    package static func render(_ report: RunReport, failure: RunError? = nil) -> String {
        var out = "## 🤖 ChatGPT Probot"
        if let pr = report.pullRequest { out += " · \(pr)" }
        out += report.dryRun ? " · dry run\n\n" : "\n\n"
        if let failure = failure ?? report.failure { out += "> [!CAUTION]\n> \(Format.cell(failure.description))\n\n" }
        let summary = WalkthroughRenderer.summary(report)
        if !summary.isEmpty && !report.dryRun { out += summary + "\n\n" }
        out += diagnosticsSection(report.diagnostics)

        out += "| | |\n|---|---|\n"
        if let pr = report.pullRequest {
            out += "| Pull request | \(pr) · \(Format.cell(CommentRenderer.sanitize(report.title))) |\n"
            out += "| Head commit | `\(report.headSHA.prefix(12))` |\n"
        }
        out += "| Model | `\(report.model)`\(report.modelInfo.isKnown ? "" : " (not in the catalog)") |\n"
        let reviewed = report.dryRun ? report.plan.reviewedPaths.count : report.reviewedPaths.count
        out +=
            "| Files | \(reviewed) reviewed · \(report.skippedPathCount) skipped · \(report.filesInDiff) in the diff |\n"
        out +=
            "| Budget | \(Format.count(report.plan.budget.promptTokens)) prompt tokens per request (\(report.plan.counterName)) · \(Format.count(report.plan.budget.completionTokens)) for the answer |\n"
        if report.dryRun {
            out += "| Planned requests | \(report.plan.batches.count) |\n"
            out +=
                "| Planned prompt tokens | \(Format.count(report.plan.promptTokens)) (\(Format.count(report.plan.overheadTokens)) instructions and framing) |\n"
            out +=
                "| Cost, at most | \(report.plannedCostUSD.map { Format.dollars($0) } ?? "unknown (no price for this model)") |\n"
            out +=
                "| Expected time | ≈ \(Format.duration(.seconds(report.expectedSeconds))) (critical path, an estimate from the changed lines) |\n"
        } else {
            out += "| Requests | \(report.outcomes.count) (\(report.failedOutcomes.count) failed) |\n"
            out +=
                "| Tokens | \(Format.count(report.usage.promptTokens)) prompt → \(Format.count(report.usage.completionTokens)) completion |\n"
            out +=
                "| Cost | \(report.costUSD.map { "≈ " + Format.dollars($0) } ?? "unknown (no price for this model)") |\n"
            out +=
                "| Expected time | ≈ \(Format.duration(.seconds(report.expectedSeconds))) on the model's critical path (an estimate from the changed lines) |\n"
            if let review = report.review {
                let link = review.htmlURL.map { "[\(review.id)](\($0))" } ?? "\(review.id)"
                out +=
                    "| Review | \(link) · \(report.placement.inline.count) inline comment(s)\(report.usedBodyFallback ? " (inline comments moved to the body after a 422)" : "") |\n"
            }
        }
        if let threads = report.threads { out += "| Review threads | \(threads.line) |\n" }
        let widened = report.files.count { !$0.context.isEmpty }
        if widened > 0 || !report.contextGaps.isEmpty {
            out += "| Context | \(widened) file(s) shown with the code around their hunks"
            out += report.contextGaps.isEmpty ? " |\n" : " · \(report.contextGaps.count) without (below) |\n"
        }
        out += "| Duration | \(Format.duration(report.duration)) |\n"

        out += settingsSection(report.settingOrigins)
        if !report.dryRun { out += findingsSection(report) }
        out += batchesSection(report)
        out += skippedSection(report)
        out += filesSection(report)
        out += contextGapsSection(report.contextGaps)
        return clip(out)
    }

    private static func findingsSection(_ report: RunReport) -> String {
        let posted = report.placement.posted
        var out = "\n### Findings\n\n"
        guard !posted.isEmpty || !report.placement.belowMinSeverity.isEmpty else {
            return out + "No findings. ✅\n"
        }
        out += "| Severity | Inline | In review body | Total |\n|---|---:|---:|---:|\n"
        for severity in Severity.allCases {
            let inline = report.placement.inline.count { $0.finding.severity == severity }
            let body = report.placement.body.count { $0.finding.severity == severity }
            out += "| \(severity.badge) \(severity.rawValue) | \(inline) | \(body) | \(inline + body) |\n"
        }
        if !report.placement.belowMinSeverity.isEmpty {
            out +=
                "\n\(report.placement.belowMinSeverity.count) more finding(s) below `min-severity` were not posted.\n"
        }
        let counts = Severity.allCases.map { severity in (severity, posted.count { $0.severity == severity }) }
            .filter { $0.1 > 0 }
        if !counts.isEmpty {
            out += "\n```mermaid\npie showData title Findings by severity\n"
            for (severity, count) in counts { out += "    \"\(severity.rawValue)\" : \(count)\n" }
            out += "```\n"
        }
        out += "\n| Severity | File | Line | Finding | Placed |\n|---|---|---:|---|---|\n"
        let rows =
            report.placement.inline.map { ($0.finding, "inline") }
            + report.placement.body.map { ($0.finding, $0.reason.rawValue) }
        for (finding, placed) in rows.sorted(by: { $0.0.severity > $1.0.severity }).prefix(rowLimit) {
            out +=
                "| \(finding.severity.badge) \(finding.severity.rawValue) | `\(Format.cell(finding.path))` | \(finding.line) | \(Format.cell(CommentRenderer.sanitize(finding.title))) | \(placed) |\n"
        }
        if rows.count > rowLimit { out += "\n…and \(rows.count - rowLimit) more.\n" }
        return out
    }

    private static func batchesSection(_ report: RunReport) -> String {
        guard !report.plan.batches.isEmpty else { return "" }
        var out = "\n### Requests\n\n"
        if report.dryRun || report.outcomes.isEmpty {
            out += "| # | Files | Prompt tokens | Diff share |\n|---:|---|---:|---:|\n"
            for batch in report.plan.batches.prefix(rowLimit) {
                let share =
                    batch.promptTokens > 0 ? 100 * (batch.promptTokens - batch.overheadTokens) / batch.promptTokens : 0
                out +=
                    "| \(batch.number) | \(fileList(batch.paths)) | \(Format.count(batch.promptTokens)) | \(share) % |\n"
            }
        } else {
            out +=
                "| # | Files | Prompt tokens | Completion tokens | Findings | Time | Result |\n|---:|---|---:|---:|---:|---:|---|\n"
            for outcome in report.outcomes.prefix(rowLimit) {
                let result: String
                let findings: String
                switch outcome.result {
                case .reviewed(let review):
                    result = "✅"
                    findings = String(review.findings.count)
                case .failed(let failure):
                    result = "❌ \(Format.cell(failure.description))"
                    findings = "–"
                }
                out +=
                    "| \(outcome.batch.number) | \(fileList(outcome.batch.paths)) | \(Format.count(outcome.usage.promptTokens)) | \(Format.count(outcome.usage.completionTokens)) | \(findings) | \(Format.duration(outcome.duration)) | \(result) |\n"
            }
        }
        if report.plan.batches.count > rowLimit { out += "\n…and \(report.plan.batches.count - rowLimit) more.\n" }
        return out
    }

    private static func skippedSection(_ report: RunReport) -> String {
        reasonTable("Not reviewed", report.skippedFiles.map { ($0.path, $0.reason.description) })
    }

    /// Effective settings that are not at their defaults, and where each came from.
    package static func settingsSection(_ origins: [SettingOrigin]) -> String {
        guard !origins.isEmpty else { return "" }
        var out = "\n### Settings\n\n| Setting | Value | From |\n|---|---|---|\n"
        for origin in origins {
            let source =
                switch origin.source {
                case .input: "workflow input"
                case .file: "repository configuration"
                case .default: "default"
                }
            out += "| `\(origin.name)` | \(Format.cell(CommentRenderer.sanitize(origin.value))) | \(source) |\n"
        }
        return out
    }

    /// One callout per diagnostic, in the order they arose.
    package static func diagnosticsSection(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let kind = diagnostic.severity == .note ? "NOTE" : diagnostic.severity == .warning ? "WARNING" : "CAUTION"
            let location =
                diagnostic.file.map { "`\(Format.cell($0))\(diagnostic.line.map { ":\($0)" } ?? "")`: " } ?? ""
            return "> [!\(kind)]\n> \(location)\(Format.cell(diagnostic.message))\n\n"
        }.joined()
    }

    /// Every file of the diff: what changed in it (reviewed) or why it was not reviewed.
    private static func filesSection(_ report: RunReport) -> String {
        let rows = WalkthroughRenderer.rows(report)
        guard !rows.isEmpty, !report.dryRun else { return "" }
        var out = "\n### Files\n\n| File | What changed | Findings |\n|---|---|---:|\n"
        for row in rows.prefix(rowLimit) {
            let change = row.change.isEmpty ? "–" : Format.cell(CommentRenderer.sanitize(row.change))
            out += "| `\(Format.cell(row.name))` | \(change) | \(row.findings) |\n"
        }
        if rows.count > rowLimit { out += "\n…and \(rows.count - rowLimit) more.\n" }
        return out
    }

    private static func contextGapsSection(_ gaps: [ContextGap]) -> String {
        reasonTable("Reviewed without surrounding code", gaps.map { ($0.path, $0.reason) })
    }

    /// A `File | Reason` table under `title`, cut at ``rowLimit`` rows; empty when there are no rows.
    private static func reasonTable(_ title: String, _ rows: [(path: String, reason: String)]) -> String {
        guard !rows.isEmpty else { return "" }
        var out = "\n### \(title)\n\n| File | Reason |\n|---|---|\n"
        for row in rows.prefix(rowLimit) { out += "| `\(Format.cell(row.path))` | \(Format.cell(row.reason)) |\n" }
        if rows.count > rowLimit { out += "\n…and \(rows.count - rowLimit) more.\n" }
        return out
    }

    private static func fileList(_ paths: [String]) -> String {
        let shown = paths.prefix(3).map { "`\(Format.cell($0))`" }.joined(separator: ", ")
        return paths.count > 3 ? shown + " +\(paths.count - 3)" : shown
    }

    /// Cuts at a line boundary below ``byteLimit``, with a note.
    package static func clip(_ text: String) -> String {
        guard text.utf8.count > byteLimit else { return text }
        var out = ""
        var bytes = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let size = line.utf8.count + 1
            if bytes + size > byteLimit - 200 { break }
            out += line + "\n"
            bytes += size
        }
        return out + "\n_…summary cut to stay under GitHub's 1 MiB limit._\n"
    }
}
