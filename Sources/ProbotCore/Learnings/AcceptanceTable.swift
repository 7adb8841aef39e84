/// What happened to this action's findings with one title on one pull request.
package struct AcceptanceEntry: Sendable, Equatable {
    package var pullRequest: Int
    package var title: String
    package var counts: AcceptanceCounts

    /// Memberwise initialiser.
    package init(pullRequest: Int, title: String, counts: AcceptanceCounts) {
        self.pullRequest = pullRequest
        self.title = title
        self.counts = counts
    }

    /// An entry read back from its marker value (`PR,TITLE,posted,fixed,dismissed,up,down`), or `nil`.
    package init?(marker value: String) {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, let number = Int(parts[0]), number > 0, let title = Markers.unsafe(parts[1]) else {
            return nil
        }
        let numbers = parts.dropFirst(2).compactMap { Int($0) }.filter { $0 >= 0 && $0 < 1_000_000 }
        guard numbers.count == 5 else { return nil }
        self.init(
            pullRequest: number, title: title,
            counts: AcceptanceCounts(
                posted: numbers[0], fixed: numbers[1], dismissed: numbers[2], thumbsUp: numbers[3],
                thumbsDown: numbers[4]))
    }
}

/// Occurrence counts: findings posted, fixed, dismissed, and 👍/👎 by people.
package struct AcceptanceCounts: Sendable, Equatable {
    package var posted = 0
    package var fixed = 0
    package var dismissed = 0
    package var thumbsUp = 0
    package var thumbsDown = 0

    /// Memberwise initialiser.
    package init(posted: Int = 0, fixed: Int = 0, dismissed: Int = 0, thumbsUp: Int = 0, thumbsDown: Int = 0) {
        self.posted = posted
        self.fixed = fixed
        self.dismissed = dismissed
        self.thumbsUp = thumbsUp
        self.thumbsDown = thumbsDown
    }

    /// The five numbers in marker order.
    var fields: [Int] { [posted, fixed, dismissed, thumbsUp, thumbsDown] }

    /// Counts one more finding.
    mutating func add(_ entry: ReviewLedger.Entry) {
        posted += 1
        if entry.fate == .fixed { fixed += 1 }
        if entry.fate == .dismissed { dismissed += 1 }
        thumbsUp += entry.reactions.thumbsUp
        thumbsDown += entry.reactions.thumbsDown
    }

    /// The sum of two counts.
    static func + (lhs: AcceptanceCounts, rhs: AcceptanceCounts) -> AcceptanceCounts {
        AcceptanceCounts(
            posted: lhs.posted + rhs.posted, fixed: lhs.fixed + rhs.fixed, dismissed: lhs.dismissed + rhs.dismissed,
            thumbsUp: lhs.thumbsUp + rhs.thumbsUp, thumbsDown: lhs.thumbsDown + rhs.thumbsDown)
    }
}

/// The repository-wide acceptance table the learnings issue keeps over recent pull requests.
package enum AcceptanceTable {
    /// Pull requests kept, most recently reviewed last.
    package static let recentPullRequests = 20
    /// Titles kept per pull request.
    package static let titlesPerPullRequest = 30
    /// Rows shown.
    package static let rowLimit = 15

    /// `existing` with `pullRequest`'s entries replaced by `current` (moved to the end), bounded.
    package static func merged(
        _ existing: [AcceptanceEntry], pullRequest: Int, current: [AcceptanceEntry]
    ) -> [AcceptanceEntry] {
        let others = existing.filter { $0.pullRequest != pullRequest }
        var kept: [Int] = []
        for entry in others.reversed() where !kept.contains(entry.pullRequest) { kept.append(entry.pullRequest) }
        let allowed = Set(kept.prefix(recentPullRequests - 1))
        return others.filter { allowed.contains($0.pullRequest) } + current.prefix(titlesPerPullRequest)
    }

    /// Per title over every pull request: the number of pull requests and the summed counts, most posted first.
    package static func rows(_ entries: [AcceptanceEntry]) -> [(
        title: String, pullRequests: Int, counts: AcceptanceCounts
    )] {
        var order: [String] = []
        var sums: [String: (Set<Int>, AcceptanceCounts)] = [:]
        for entry in entries {
            if sums[entry.title] == nil { order.append(entry.title) }
            let (prs, counts) = sums[entry.title] ?? ([], AcceptanceCounts())
            sums[entry.title] = (prs.union([entry.pullRequest]), counts + entry.counts)
        }
        return order.compactMap { title in sums[title].map { (title, $0.0.count, $0.1) } }
            .sorted { $0.counts.posted > $1.counts.posted }
    }

    /// The table as Markdown, at most ``rowLimit`` rows.
    package static func render(_ entries: [AcceptanceEntry]) -> Markdown {
        let rows = rows(entries)
        guard !rows.isEmpty else { return "No findings counted yet.\n" }
        var out: Markdown =
            "| Finding | PRs | Posted | ✅ fixed | 🙅 dismissed | 👍 | 👎 | Fixed of decided |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for row in rows.prefix(rowLimit) {
            let counts = row.counts
            let decided = counts.fixed + counts.dismissed
            let share: Markdown = decided == 0 ? "—" : "\(100 * counts.fixed / decided) %"
            out +=
                "| \(cell: row.title) | \(row.pullRequests) | \(counts.posted) | \(counts.fixed) | \(counts.dismissed) | \(counts.thumbsUp) | \(counts.thumbsDown) | \(share) |\n"
        }
        if rows.count > rowLimit { out += "\n\(rows.count - rowLimit) more finding title(s) not shown.\n" }
        return out
    }
}
