import ProbotCore
import Testing

/// The ledger: every finding's fate and the reactions on it, counted as occurrences; the acceptance table.
struct LedgerTests {
    static func thread(
        _ id: Int, title: String, resolved: Bool = false, conceded: Bool = false, up: Int = 0, down: Int = 0,
        ours: Bool = true
    ) -> ReviewThread {
        var comments = [
            ThreadComment(
                id: id, body: "🟠 **\(title)** · _major_\n\n<!-- chatgpt-probot:fp=f\(id) -->",
                author: ours ? "github-actions" : "mallory", authorIsBot: ours, byViewer: ours,
                reactions: ReactionCounts(thumbsUp: up, thumbsDown: down))
        ]
        if conceded {
            comments.append(
                ThreadComment(
                    id: id + 1,
                    body: "@octo You are right.\n<!-- chatgpt-probot:reply -->\n<!-- chatgpt-probot:conceded -->",
                    author: "github-actions", authorIsBot: true, byViewer: true))
        }
        return ReviewThread(
            id: "T\(id)", isResolved: resolved, isOutdated: false, path: "src/app.py", line: id, originalLine: id,
            comments: comments)
    }

    @Test func fatesAndReactionsAreCountedAsOccurrences() {
        let ledger = ReviewLedger(threads: [
            Self.thread(10, title: "Risky call", down: 2),
            Self.thread(20, title: "Risky call", resolved: true, conceded: true, down: 1),
            Self.thread(30, title: "Risky call", resolved: true, up: 1),
            Self.thread(40, title: "Unchecked index", up: 2, down: 1),
            Self.thread(50, title: "Conceded but not resolved", conceded: true),
            Self.thread(60, title: "Someone else's", resolved: true, up: 5, ours: false),
        ])
        #expect(ledger.entries.count == 5, "only this action's threads")
        #expect(ledger.count(.open) == 2)
        #expect(ledger.count(.fixed) == 1)
        #expect(ledger.count(.dismissed) == 2, "a concession dismisses, resolved or not")
        #expect(ledger.thumbsUp == 3)
        #expect(ledger.thumbsDown == 4, "two people's 👎 on one comment are two")
        let acceptance = ledger.acceptance(pullRequest: 7)
        #expect(acceptance.map(\.title) == ["Risky call", "Unchecked index", "Conceded but not resolved"])
        #expect(
            acceptance.first?.counts
                == AcceptanceCounts(posted: 3, fixed: 1, dismissed: 1, thumbsUp: 1, thumbsDown: 3),
            "three findings with one title are three, not one")
    }

    @Test func theTablesSayTheWordsWithTheirEmoji() {
        let ledger = ReviewLedger(threads: [
            Self.thread(10, title: "A", down: 2), Self.thread(20, title: "B", resolved: true, conceded: true, up: 1),
        ])
        let table = LedgerRenderer.table(ledger).rawValue
        for row in ["| ✅ fixed | 0 |", "| 🙅 dismissed | 1 |", "| 👍 | 1 |", "| 👎 | 2 |", "| 💬 open | 1 |"] {
            #expect(table.contains(row), "\(row)")
        }
        let section = LedgerRenderer.section(ledger).rawValue
        #expect(section.contains("| `src/app.py` | A | 💬 open | 0 | 2 |"))
        #expect(section.contains("| `src/app.py` | B | 🙅 dismissed | 1 | 0 |"))
    }

    @Test func acceptanceKeepsTheRecentPullRequestsAndReplacesTheCurrentOne() {
        var entries: [AcceptanceEntry] = []
        for number in 1...25 {
            entries = AcceptanceTable.merged(
                entries, pullRequest: number,
                current: [AcceptanceEntry(pullRequest: number, title: "Risky call", counts: .init(posted: 1, fixed: 1))]
            )
        }
        #expect(Set(entries.map(\.pullRequest)) == Set(6...25))
        let again = AcceptanceTable.merged(
            entries, pullRequest: 10,
            current: [AcceptanceEntry(pullRequest: 10, title: "Risky call", counts: .init(posted: 2, dismissed: 2))])
        #expect(again.count == 20 && again.last?.pullRequest == 10)
        let row = AcceptanceTable.rows(again).first
        #expect(row?.pullRequests == 20)
        #expect(row?.counts == AcceptanceCounts(posted: 21, fixed: 19, dismissed: 2))
        #expect(AcceptanceTable.render(again).rawValue.contains("| Risky call | 20 | 21 | 19 | 2 | 0 | 0 | 90 % |"))
    }

    @Test func theIssueBodyKeepsItsEntriesInMarkersThatReadBack() {
        let entries = [
            AcceptanceEntry(
                pullRequest: 42, title: "Risky | call, with --> and <b>",
                counts: .init(posted: 3, fixed: 1, dismissed: 1, thumbsUp: 1, thumbsDown: 2))
        ]
        let body = LearningsIssueRenderer.body(entries).rawValue
        #expect(body.contains("**Forget a rule:** delete the comment."))
        #expect(LearningsIssueRenderer.entries(in: body) == entries)
        #expect(LearningsIssueRenderer.entries(in: "```\n" + body + "\n```").isEmpty, "markers in code are text")
        #expect(AcceptanceEntry(marker: "42,x,1,2,3,4") == nil)
        #expect(AcceptanceEntry(marker: "42,x,1,2,3,4,-5") == nil)
        #expect(AcceptanceEntry(marker: "0,x,1,2,3,4,5") == nil)
    }
}
