import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

/// The walkthrough: one summary, a table of files, grouped or folded rather than cut.
struct WalkthroughTests {
    /// A report of `count` reviewed files in `folders` folders, each with the model's line and some findings.
    static func report(files count: Int, folders: Int = 30) -> RunReport {
        let paths = (0..<count).map { "Sources/Module\($0 % folders)/Sub\($0 % 3)/File\($0).swift" }
        let items = paths.enumerated().map { index, path in
            BatchItem(
                file: FileDiff(path: path, hunks: []), hunks: [], part: nil, rendered: "", tokens: 1, order: index)
        }
        let batch = ReviewBatch(number: 1, items: items, messages: [], promptTokens: 10, overheadTokens: 1)
        let plan = BatchPlan(
            batches: [batch], skipped: [], budget: ReviewBudget(promptTokens: 24_000, completionTokens: 4_096),
            counterName: "estimate")
        var report = RunReport(
            pullRequest: PullRequestRef(owner: "o", repo: "r", number: 1), model: "gpt-4.1-mini",
            modelInfo: ModelCatalog.info(for: "gpt-4.1-mini"), dryRun: false, plan: plan)
        report.files = paths.map { FileDiff(path: $0, hunks: []) }
        let review = ModelReview(
            summary: "Splits the cart into modules.", findings: [],
            files: paths.map {
                FileChange(
                    path: $0,
                    change: "Moves \($0.split(separator: "/").last ?? "") into its module and renames its types")
            })
        report.outcomes = [BatchOutcome(batch: batch, result: .reviewed(review), usage: .zero, duration: .zero)]
        report.placement.body = paths.prefix(50).map {
            BodyFinding(
                finding: Finding(path: $0, line: 1, severity: .minor, title: "T", body: "B"), reason: .lineNotInDiff)
        }
        return report
    }

    @Test func aSmallPullRequestListsEveryFile() {
        let report = Self.report(files: 5)
        let table = WalkthroughRenderer.table(report)
        #expect(table.contains("### Walkthrough"))
        #expect(
            table.contains(
                "| `Sources/Module0/Sub0/File0.swift` | Moves File0.swift into its module and renames its types | 1 |"))
        #expect(!table.contains("<details>"))
    }

    @Test func manyFilesAreFoldedAndFitGitHubsLimit() {
        let report = Self.report(files: 900)
        let body = ReviewBodyRenderer.render(report)
        let sticky = StickySummaryRenderer.render(report)
        for text in [body, sticky] {
            #expect(text.count <= ReviewBodyRenderer.characterLimit)
            #expect(text.contains("<details><summary>Walkthrough: 900 file(s)</summary>"))
            #expect(!text.contains("cut to fit GitHub's size limit"), "grouped, not cut")
        }
        // 900 rows do not fit the table's budget, so they are grouped by folder, every file counted.
        let table = WalkthroughRenderer.table(report)
        #expect(table.contains("| Files | What changed | Findings |"))
        let counts = table.rawValue.split(separator: "\n").compactMap { line -> Int? in
            guard let open = line.firstIndex(of: "("), let close = line.firstIndex(of: ")"), open < close else {
                return nil
            }
            return Int(line[line.index(after: open)..<close])
        }
        #expect(counts.reduce(0, +) == 900)
        #expect(sticky.contains("Splits the cart into modules."))
    }

    /// The job summary names every file, however many, folded rather than cut.
    @Test func theJobSummaryListsEveryFileOfALargePullRequest() {
        let report = Self.report(files: 900)
        let summary = JobSummaryRenderer.render(report).rawValue
        for index in 0..<900 { #expect(summary.contains("File\(index).swift`"), "File\(index)") }
        #expect(summary.contains("<details><summary>900 file(s)</summary>"))
        #expect(!summary.contains("more.\n"), "nothing cut")
        #expect(summary.utf8.count < JobSummaryRenderer.byteLimit)
    }

    @Test func theMergedSummaryReplacesThePartsSummaries() {
        var report = Self.report(files: 3)
        report.mergedSummary = "One change: modules, with a risky rename in `Cart`."
        #expect(WalkthroughRenderer.summary(report) == "One change: modules, with a risky rename in `Cart`.")
        report.mergedSummary = nil
        #expect(WalkthroughRenderer.summary(report) == "Splits the cart into modules.")
    }

    @Test func theDescriptionKeepsTheAuthorsTextAndIsUpdatedInPlace() {
        let report = Self.report(files: 2)
        let block = DescriptionRenderer.block(report, budget: 60_000)
        let first = DescriptionRenderer.merge(existing: "Fixes #12.\n\nSee the design doc.", block: block)
        #expect(first.hasPrefix("Fixes #12.\n\nSee the design doc.\n\n" + DescriptionRenderer.start))
        let edited = first.rawValue + "\n\nAuthor's later note."
        var changed = report
        changed.mergedSummary = "Now splits the cart into modules."
        let second = DescriptionRenderer.merge(
            existing: edited, block: DescriptionRenderer.block(changed, budget: 60_000))
        #expect(second.rawValue.components(separatedBy: DescriptionRenderer.start).count == 2, "one block")
        #expect(second.hasPrefix("Fixes #12.\n\nSee the design doc.\n\n"))
        #expect(second.hasSuffix("\n\nAuthor's later note."))
        #expect(second.contains("Now splits"))
        #expect(DescriptionRenderer.merge(existing: nil, block: block) == block)
    }
}
