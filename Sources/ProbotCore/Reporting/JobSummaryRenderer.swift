/// Renders the job summary (`GITHUB_STEP_SUMMARY`): tables and a chart, kept well under GitHub's 1 MiB cap.
package enum JobSummaryRenderer {
    /// GitHub drops a step summary over 1 MiB; stay well below it.
    package static let byteLimit = 900 * 1024
    /// Tables longer than this are folded into `<details>` (never cut: the byte limit is the only bound).
    package static let foldAfter = 25

    /// The summary of a finished or failed run.
    /// - Parameter failure: why the run fails the step, when it does (defaults to the report's own failure).
    package static func render(_ report: RunReport, failure: RunError? = nil) -> Markdown {
        var out: Markdown = "## 🤖 ChatGPT Probot"
        if let pr = report.pullRequest { out += " · \(text: pr.description)" }
        out += report.dryRun ? " · dry run\n\n" : "\n\n"
        if let failure = failure ?? report.failure { out += failureCallout(failure) }
        let summary = WalkthroughRenderer.summary(report)
        if !summary.isEmpty && !report.dryRun { out += summary + "\n\n" }
        out += diagnosticsSection(report.diagnostics)
        out += overview(report)
        out += settingsSection(report.settingOrigins)
        out += agentInstructionsSection(report)
        if !report.dryRun { out += findingsSection(report) + UnverifiedRenderer.section(report.placement.unverified) }
        if let ledger = report.ledger { out += LedgerRenderer.section(ledger) }
        out += LedgerRenderer.learningsApplied(report.learningsApplied)
        out += batchesSection(report)
        out += skippedSection(report)
        out += filesSection(report)
        out += contextGapsSection(report.contextGaps)
        out += contextCutsSection(report.plan.contextCuts)
        return clip(out)
    }

    /// The reason a step fails, in the words of its `::error::` line.
    package static func failureCallout(_ failure: RunError) -> Markdown {
        "> [!CAUTION]\n> **The step failed:** \(text: failure.description)\n\n"
    }

    private static func overview(_ report: RunReport) -> Markdown {
        var out: Markdown = "| | |\n|---|---|\n"
        if let pr = report.pullRequest {
            out += "| Pull request | \(cell: pr.description) · \(cell: report.title) |\n"
            out += "| Head commit | \(codeCell: report.headSHA.prefix(12)) |\n"
        }
        out += "| Model | \(codeCell: report.model)\(report.modelInfo.isKnown ? "" : " (not in the catalog)") |\n"
        let reviewed = report.dryRun ? report.plan.reviewedPaths.count : report.reviewedPaths.count
        out +=
            "| Files | \(reviewed) reviewed · \(report.skippedPathCount) skipped · \(report.filesInDiff) in the diff |\n"
        let generated = report.skippedFiles.count { $0.reason.isGenerated }
        if generated > 0 {
            out +=
                "| Generated or vendored | \(generated) file(s) skipped · \(count: report.generatedPatchLines) patch lines |\n"
        }
        out +=
            "| Budget | \(count: report.plan.budget.promptTokens) prompt tokens per request (\(cell: report.plan.counterName)) · \(count: report.plan.budget.completionTokens) for the answer |\n"
        if report.dryRun {
            out += "| Planned requests | \(report.plan.batches.count) |\n"
            out +=
                "| Planned prompt tokens | \(count: report.plan.promptTokens) (\(count: report.plan.overheadTokens) instructions and framing) |\n"
            out += "| Cost, at most | \(dollars(report.plannedCostUSD)) |\n"
            out +=
                "| Expected time | ≈ \(duration: .seconds(report.expectedSeconds)) (critical path, an estimate from the files and changed lines) |\n"
        } else {
            out += "| Requests | \(report.outcomes.count) (\(report.failedOutcomes.count) failed) |\n"
            out +=
                "| Tokens | \(count: report.usage.promptTokens) prompt → \(count: report.usage.completionTokens) completion |\n"
            out += "| Cost | \(report.costUSD == nil ? "" : "≈ ")\(dollars(report.costUSD)) |\n"
            out +=
                "| Time | ≈ \(duration: report.plannedAfter + .seconds(report.expectedSeconds)) expected (\(duration: report.plannedAfter) to plan, then ≈ \(duration: .seconds(report.expectedSeconds)) on the model's critical path, an estimate from the files and changed lines) · \(duration: report.duration) measured |\n"
            if let review = report.review {
                let link = review.htmlURL.map { MarkdownBuilder.link("\(review.id)", to: $0) } ?? "\(review.id)"
                let fallback: Markdown =
                    report.usedBodyFallback ? " (inline comments moved to the body after a 422)" : ""
                out += "| Review | \(link) · \(report.placement.inline.count) inline comment(s)\(fallback) |\n"
            }
        }
        if let threads = report.threads { out += "| Review threads | \(cell: threads.line) |\n" }
        let widened = report.files.count { !$0.context.isEmpty }
        if widened > 0 || !report.contextGaps.isEmpty {
            out += "| Context | \(widened) file(s) shown with the code around their hunks"
            out += report.contextGaps.isEmpty ? " |\n" : " · \(report.contextGaps.count) without (below) |\n"
        }
        out += symbolIndexRow(report)
        out += "| Duration | \(duration: report.duration) |\n"
        return out
    }

    private static func dollars(_ value: Double?) -> Markdown {
        value.map { "\(dollars: $0)" } ?? "unknown (no price for this model)"
    }

    private static func findingsSection(_ report: RunReport) -> Markdown {
        let posted = report.placement.posted
        var out: Markdown = "\n### Findings\n\n"
        guard !posted.isEmpty || !report.placement.belowMinSeverity.isEmpty else {
            return out + "No findings. ✅\n"
        }
        out += "| Severity | Inline | In review body | Total |\n|---|---:|---:|---:|\n"
        for severity in Severity.allCases {
            let inline = report.placement.inline.count { $0.finding.severity == severity }
            let body = report.placement.body.count { $0.finding.severity == severity }
            out += "| \(cell: severity.badge) \(cell: severity.rawValue) | \(inline) | \(body) | \(inline + body) |\n"
        }
        if !report.placement.belowMinSeverity.isEmpty {
            out +=
                "\n\(report.placement.belowMinSeverity.count) more finding(s) below `min-severity` were not posted.\n"
        }
        let counts = Severity.allCases.map { severity in (severity, posted.count { $0.severity == severity }) }
            .filter { $0.1 > 0 }
        if !counts.isEmpty {
            out += "\n```mermaid\npie showData title Findings by severity\n"
            for (severity, count) in counts {
                out += "    \"\(MarkdownBuilder.formatted(severity.rawValue))\" : \(count)\n"
            }
            out += "```\n"
        }
        let rows =
            report.placement.inline.map { ($0.finding, "inline") }
            + report.placement.body.map { ($0.finding, $0.reason.rawValue) }
        let lines = rows.sorted(by: { $0.0.severity > $1.0.severity }).map { finding, placed -> Markdown in
            "| \(cell: finding.severity.badge) \(cell: finding.severity.rawValue) | \(codeCell: finding.path) | \(finding.line) | \(CommentRenderer.title(finding)) | \(cell: placed) |"
        }
        return out + "\n"
            + table("| Severity | File | Line | Finding | Placed |\n|---|---|---:|---|---|", lines, what: "finding(s)")
    }

    private static func batchesSection(_ report: RunReport) -> Markdown {
        guard !report.plan.batches.isEmpty else { return .empty }
        let out: Markdown = "\n### Requests\n\n"
        if report.dryRun || report.outcomes.isEmpty {
            let lines = report.plan.batches.map { batch -> Markdown in
                let share =
                    batch.promptTokens > 0 ? 100 * (batch.promptTokens - batch.overheadTokens) / batch.promptTokens : 0
                return "| \(batch.number) | \(fileList(batch.paths)) | \(count: batch.promptTokens) | \(share) % |"
            }
            return out
                + table("| # | Files | Prompt tokens | Diff share |\n|---:|---|---:|---:|", lines, what: "request(s)")
        }
        let lines = report.outcomes.map { outcome -> Markdown in
            let result: Markdown
            let findings: Markdown
            switch outcome.result {
            case .reviewed(let review):
                result = "✅"
                findings = "\(review.findings.count)"
            case .failed(let failure):
                result = "❌ \(cell: failure.description)"
                findings = "–"
            }
            return
                "| \(outcome.batch.number) | \(fileList(outcome.batch.paths)) | \(count: outcome.usage.promptTokens) | \(count: outcome.usage.completionTokens) | \(findings) | \(duration: outcome.duration) | \(result) |"
        }
        return out
            + table(
                "| # | Files | Prompt tokens | Completion tokens | Findings | Time | Result |\n|---:|---|---:|---:|---:|---:|---|",
                lines, what: "request(s)")
    }

    private static func skippedSection(_ report: RunReport) -> Markdown {
        reasonTable("Not reviewed", report.skippedFiles.map { ($0.path, $0.reason.markdown) })
    }

    /// Effective settings that are not at their defaults, and where each came from.
    package static func settingsSection(_ origins: [SettingOrigin]) -> Markdown {
        guard !origins.isEmpty else { return .empty }
        var out: Markdown = "\n### Settings\n\n| Setting | Value | From |\n|---|---|---|\n"
        for origin in origins {
            let source: Markdown =
                switch origin.source {
                case .input: "workflow input"
                case .file: "repository configuration"
                case .default: "default"
                }
            out += "| \(codeCell: origin.name) | \(cell: origin.value) | \(source) |\n"
        }
        return out
    }

    /// One callout per diagnostic, in the order they arose.
    package static func diagnosticsSection(_ diagnostics: [Diagnostic]) -> Markdown {
        diagnostics.map { diagnostic -> Markdown in
            let kind: Markdown =
                diagnostic.severity == .note ? "NOTE" : diagnostic.severity == .warning ? "WARNING" : "CAUTION"
            let location: Markdown =
                diagnostic.file.map { "\(code: $0 + (diagnostic.line.map { ":\($0)" } ?? "")): " } ?? .empty
            return "> [!\(kind)]\n> \(location)\(text: diagnostic.message)\n\n"
        }.joined()
    }

    /// Every file of the diff: what changed in it (reviewed) or why it was not reviewed, folded when long.
    private static func filesSection(_ report: RunReport) -> Markdown {
        guard !report.dryRun else { return .empty }
        let rows = WalkthroughRenderer.rows(report)
        let reviewed = rows.map { row -> Markdown in
            "| \(codeCell: row.name) | \(WalkthroughRenderer.changeCell(row.change, repository: report.repository)) | \(row.findings) |"
        }
        let skipped = report.skippedFiles.map { file -> Markdown in
            "| \(codeCell: file.path) | not reviewed: \(file.reason.markdown) | – |"
        }
        guard !reviewed.isEmpty || !skipped.isEmpty else { return .empty }
        return "\n### Files\n\n"
            + table("| File | What changed | Findings |\n|---|---|---:|", reviewed + skipped, what: "file(s)")
    }

    private static func contextGapsSection(_ gaps: [ContextGap]) -> Markdown {
        reasonTable("Reviewed without surrounding code", gaps.map { ($0.path, "\(cell: $0.reason)") })
    }

    /// A `File | Reason` table under `title`; empty when there are no rows.
    private static func reasonTable(_ title: Markdown, _ rows: [(path: String, reason: Markdown)]) -> Markdown {
        guard !rows.isEmpty else { return .empty }
        let lines = rows.map { "| \(codeCell: $0.path) | \($0.reason) |" as Markdown }
        return "\n### \(title)\n\n" + table("| File | Reason |\n|---|---|", lines, what: "file(s)")
    }

    /// A table with every row, folded into `<details>` past ``foldAfter`` rows.
    package static func table(_ header: Markdown, _ rows: [Markdown], what: Markdown) -> Markdown {
        let body = header + "\n" + rows.joined(separator: "\n") + "\n"
        guard rows.count > foldAfter else { return body }
        return "<details><summary>\(rows.count) \(what)</summary>\n\n" + body + "\n</details>\n"
    }

    private static func fileList(_ paths: [String]) -> Markdown {
        let shown = paths.prefix(3).map { "\(codeCell: $0)" as Markdown }.joined(separator: ", ")
        return paths.count > 3 ? shown + " +\(paths.count - 3)" : shown
    }

    /// Cuts at a line boundary below ``byteLimit``, with a note.
    package static func clip(_ text: Markdown) -> Markdown {
        guard text.rawValue.utf8.count > byteLimit else { return text }
        var out = Markdown.empty
        var bytes = 0
        for line in text.lines() {
            let size = line.rawValue.utf8.count + 1
            if bytes + size > byteLimit - 200 { break }
            out += line + "\n"
            bytes += size
        }
        return out + "\n_…summary cut to stay under GitHub's 1 MiB limit._\n"
    }
}
