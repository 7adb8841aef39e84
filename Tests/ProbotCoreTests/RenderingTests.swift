import Foundation
import ProbotCore
import Testing

struct RenderingTests {
    static func report(findings: Int, bodyFindings: Int = 0) -> RunReport {
        let plan = BatchPlan(
            batches: [], skipped: [SkippedFile(path: "yarn.lock", reason: .builtInExclusion("yarn.lock"))],
            budget: ReviewBudget(promptTokens: 24_000, completionTokens: 4_096), counterName: "estimate")
        var report = RunReport(
            pullRequest: PullRequestRef(owner: "o", repo: "r", number: 1), model: "gpt-4.1-mini",
            modelInfo: ModelCatalog.info(for: "gpt-4.1-mini"), dryRun: false, plan: plan)
        let finding = { (index: Int, severity: Severity) in
            Finding(
                path: "src/file\(index % 7).swift", line: index + 1, severity: severity,
                title: "Finding number \(index)", body: String(repeating: "Long explanation. ", count: 40))
        }
        report.placement.inline = (0..<findings).map { index in
            InlineComment(
                finding: finding(index, .major), path: "a.swift", line: index + 1, side: .right, startLine: nil,
                body: "x")
        }
        report.placement.body = (0..<bodyFindings).map {
            BodyFinding(finding: finding($0, .minor), reason: .lineNotInDiff)
        }
        return report
    }

    @Test func reviewBodyStaysUnderGitHubsLimit() {
        let body = ReviewBodyRenderer.render(Self.report(findings: 0, bodyFindings: 500))
        #expect(body.count <= ReviewBodyRenderer.characterLimit)
        #expect(body.contains("cut to fit GitHub's size limit"))
        #expect(body.hasSuffix(ReviewBodyRenderer.marker + "\n"))
    }

    @Test func jobSummaryHasTablesAChartAndTheLedger() {
        var report = Self.report(findings: 2, bodyFindings: 1)
        report.reviews = [PublishedReview(id: 99, htmlURL: "https://github.com/o/r/pull/1#pullrequestreview-99")]
        report.diagnostics = [.warning("batch 2 failed")]
        let summary = JobSummaryRenderer.render(report)
        #expect(summary.contains("| 🟠 major | 2 | 0 | 2 |"))
        #expect(summary.contains("| 🟡 minor | 0 | 1 | 1 |"))
        #expect(summary.contains("```mermaid\npie showData title Findings by severity"))
        #expect(summary.contains("| `yarn.lock` | built-in exclusion `yarn.lock` |"))
        #expect(summary.contains("[99](https://github.com/o/r/pull/1#pullrequestreview-99)"))
        #expect(summary.contains("> [!WARNING]\n> batch 2 failed"))
    }

    @Test func jobSummaryIsClippedBelowOneMebibyte() {
        let huge = JobSummaryRenderer.clip(
            Array(repeating: "| row | of | a | table |" as Markdown, count: 60_000).joined(separator: "\n"))
        #expect(huge.rawValue.utf8.count < 1_048_576)
        #expect(huge.contains("summary cut"))
    }

    @Test func formatsNumbers() {
        #expect(Format.count(1_234_567) == "1,234,567")
        #expect(Format.count(12) == "12")
        #expect(Format.usd(0.00123) == "0.0012")
        #expect(Format.duration(.milliseconds(1500)) == "1.5 s")
        #expect(MarkdownBuilder.cell("a|b\nc").rawValue == "a\\|b c")
    }

    @Test(arguments: [Double.infinity, -.infinity, .nan, -1, 1e12, 1e300])
    func amountsNoPriceCanProducePrintNoNumber(_ amount: Double) {
        #expect(Format.usd(amount) == "")
        #expect(Format.dollars(amount) == "an unknown amount")
    }

    @Test func dollarsCarryTheirSign() {
        #expect(Format.dollars(0.00123) == "$0.0012")
        #expect(Format.dollars(-0.0) == "$0.0000")
        #expect(Format.usd(999_999_999.5) == "999999999.5000")
    }

    /// A price that overflows (set on the profile directly; the inputs refuse it) never shows as `$inf`.
    @Test func anOverflowingCostIsNeverPrinted() {
        var report = Self.report(findings: 1)
        report.modelInfo.inputPricePerMillion = 1e308
        report.modelInfo.outputPricePerMillion = 1e308
        report.summaryUsage = TokenUsage(promptTokens: 5_000_000, completionTokens: 5_000_000)
        #expect(report.costUSD == .infinity)
        let texts = [
            JobSummaryRenderer.render(report).rawValue, ReviewBodyRenderer.render(report).rawValue,
            StickySummaryRenderer.render(report).rawValue, TerminalReportRenderer.plan(report),
            TerminalReportRenderer.review(report),
        ]
        for text in texts {
            #expect(!text.contains("$inf") && !text.contains("$nan") && !text.contains("$-"), "\(text)")
        }
        #expect(texts[0].contains("≈ an unknown amount"))
        #expect(report.outputs.first { $0.name == "cost-usd" }?.value == "")
    }
}
