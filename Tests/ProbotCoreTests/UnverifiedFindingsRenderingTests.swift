import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

/// Unverified findings are listed in the job summary, counted in the outputs and the sticky summary, and
/// everything the model wrote in them comes out as text.
struct UnverifiedFindingsRenderingTests {
    static let hostileName = "<img src=x onerror=alert(1)>`|@octocat [link](https://evil.example)"
    static let hostileTitle = "**Broken** <script>alert(1)</script> | @octocat <!-- chatgpt-probot:summary -->"

    static func report() -> RunReport {
        var report = RunReport(
            pullRequest: PullRequestRef(owner: "octo", repo: "shop", number: 1), model: "gpt-4.1-mini",
            modelInfo: ModelCatalog.info(for: "gpt-4.1-mini"), dryRun: false,
            plan: BatchPlan(
                batches: [], skipped: [], budget: ReviewBudget(promptTokens: 24_000, completionTokens: 4_096),
                counterName: "estimate"))
        let finding = Finding(
            path: "docs/a`<img src=x>`.swift", line: 7, severity: .critical, title: hostileTitle, body: "b",
            identifiers: [hostileName, "ensureTotalsInvariant()"])
        report.placement.unverified = [
            UnverifiedFinding(finding: finding, missing: [hostileName, "ensureTotalsInvariant()"], request: "1"),
            UnverifiedFinding(
                finding: Finding(path: "a.swift", line: 3, severity: .minor, title: "Second", body: "b"),
                missing: ["reconcile"], request: "2"),
        ]
        return report
    }

    @Test func theJobSummaryListsThemAsTextWithTheNamesTheyCited() throws {
        let summary = JobSummaryRenderer.render(Self.report()).rawValue
        let section = try #require(summary.components(separatedBy: "### Unverified findings").last)
        #expect(section.contains("2 finding(s) named code that appears nowhere"))
        #expect(section.contains("`ensureTotalsInvariant()`"))
        #expect(section.contains("| 🔴 critical |"))
        // Sorted by severity, one row each.
        let rows = section.components(separatedBy: "\n").filter { $0.hasPrefix("| 🔴") || $0.hasPrefix("| 🟡") }
        #expect(rows.count == 2 && rows[0].hasPrefix("| 🔴"))
        // Nothing the model wrote can act: no tag, image, link, mention, marker or extra column.
        #expect(RenderedJudge.problems(summary) == [], "\(summary)")
        // Titles are text (entities); cited names are code spans, whose `<` is shown, never parsed as HTML.
        #expect(!summary.contains("<script") && summary.contains("&lt;script&gt;"))
        #expect(rows[0].components(separatedBy: " | ").count == 5, "\(rows[0])")
        // The findings are not counted as posted anywhere.
        #expect(!summary.contains("| 🔴 critical | 1 |"))
    }

    @Test func theCountIsAStepOutputAndARowOfTheStickySummary() {
        let report = Self.report()
        let outputs = Dictionary(report.outputs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(outputs["unverified-findings"] == "2")
        #expect(outputs["findings"] == "0")
        let sticky = StickySummaryRenderer.render(report).rawValue
        #expect(sticky.contains("| Not posted: cited code not found | 2 (listed in the job summary as unverified) |"))
        #expect(!sticky.contains("ensureTotalsInvariant"))
        #expect(ReviewBodyRenderer.render(report).rawValue.contains("2 held back (cited code not found)"))
        #expect(!ReviewBodyRenderer.render(report).rawValue.contains("Broken"))
        #expect(!ReviewBodyRenderer.render(report).rawValue.contains("reconcile"))
        let terminal = TerminalReportRenderer.review(report)
        #expect(terminal.contains("## Unverified: cited code not found, not posted"))
        #expect(terminal.contains("- `a.swift`:3 Second (cites `reconcile`)"))
        var clean = report
        clean.placement.unverified = []
        #expect(!StickySummaryRenderer.render(clean).rawValue.contains("cited code not found"))
        #expect(!JobSummaryRenderer.render(clean).rawValue.contains("Unverified findings"))
    }
}
