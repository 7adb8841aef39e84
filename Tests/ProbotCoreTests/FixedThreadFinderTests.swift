import ProbotCore
import Testing

/// Which of this action's threads a push addressed: the gates, and findings matched to threads by count.
struct FixedThreadFinderTests {
    static let path = "app/db.py"
    static let title = "SQL injection"
    static let key = FixedThreadFinder.PathTitle(path: path, title: title)

    /// A thread this action started (unless `ours` is false) on `path`, with a finding `title` and fingerprint
    /// `fingerprint`; `replies` are people's comments after it.
    static func thread(
        _ id: String, fingerprint: String, outdated: Bool = true, resolved: Bool = false, ours: Bool = true,
        path: String = path, title: String = title, replies: [String] = []
    ) -> ReviewThread {
        let root = ThreadComment(
            id: 1,
            body: "🔴 **\(MarkdownBuilder.inline(model: title).rawValue)** · _critical_\n\nBody.\n\n"
                + Markers.fingerprint(fingerprint).rawValue,
            author: "probot", authorIsBot: false, byViewer: ours)
        let people = replies.enumerated().map {
            ThreadComment(id: 2 + $0.offset, body: $0.element, author: "octo", authorIsBot: false, byViewer: false)
        }
        return ReviewThread(
            id: id, isResolved: resolved, isOutdated: outdated, path: path, line: nil, originalLine: 10,
            comments: [root] + people)
    }

    static func verdicts(
        _ threads: [ReviewThread], posted: [FixedThreadFinder.PathTitle] = [],
        alreadyPosted: [(key: FixedThreadFinder.PathTitle, fingerprint: String)] = []
    ) -> [FixedThreadFinder.Verdict] {
        FixedThreadFinder.verdicts(threads, changedPaths: [path], posted: posted, alreadyPosted: alreadyPosted)
    }

    @Test func theGatesComeFirst() {
        let threads = [
            Self.thread("others", fingerprint: "a", ours: false),
            Self.thread("resolved", fingerprint: "b", resolved: true),
            Self.thread("unchanged", fingerprint: "c", outdated: false),
            Self.thread("other file", fingerprint: "d", path: "app/other.py"),
            Self.thread("answered", fingerprint: "e", replies: ["I disagree, this is safe."]),
            Self.thread("said fixed", fingerprint: "f", replies: ["Fixed, thanks."]),
            Self.thread("silent", fingerprint: "g"),
        ]
        #expect(
            Self.verdicts(threads) == [
                .notOurs, .alreadyResolved, .lineUnchanged, .lineUnchanged, .personReplied, .addressed, .addressed,
            ])
    }

    /// Two changed threads with one title and one finding raised again: one problem is left, one was fixed.
    @Test func findingsRaisedAgainAreCountedNotCollapsed() {
        let threads = [Self.thread("t1", fingerprint: "a"), Self.thread("t2", fingerprint: "b")]
        #expect(Self.verdicts(threads, posted: [Self.key]) == [.raisedAgain, .addressed])
        #expect(Self.verdicts(threads, posted: [Self.key, Self.key]) == [.raisedAgain, .raisedAgain])
        #expect(Self.verdicts(threads) == [.addressed, .addressed])
    }

    /// A deduplicated finding holds exactly the thread with its fingerprint, not another one with the same title.
    @Test func aDeduplicatedFindingHoldsItsOwnThread() {
        let unchanged = Self.thread("kept", fingerprint: "same-line", outdated: false)
        let moved = Self.thread("moved", fingerprint: "moved-line")
        // The moved thread's finding was raised again with the same line text: it stays open.
        #expect(
            Self.verdicts([unchanged, moved], alreadyPosted: [(Self.key, "moved-line")]) == [
                .lineUnchanged, .raisedAgain,
            ])
        // Only the unchanged thread's finding came back: the moved one was fixed.
        #expect(
            Self.verdicts([unchanged, moved], alreadyPosted: [(Self.key, "same-line")]) == [.lineUnchanged, .addressed])
        // A deduplicated finding whose fingerprint no open thread carries counts by file and title.
        #expect(Self.verdicts([moved], alreadyPosted: [(Self.key, "in-a-review-body")]) == [.raisedAgain])
        // Another title in the same file holds nothing.
        let other = FixedThreadFinder.PathTitle(path: Self.path, title: "Unused import")
        #expect(Self.verdicts([moved], posted: [other]) == [.addressed])
    }
}
