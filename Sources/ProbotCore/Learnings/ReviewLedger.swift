/// Every finding this action posted on one pull request (its review threads) and its fate so far.
///
/// Counts are occurrences, never sets: two findings with one title are two rows, and two people's 👎 on one
/// comment are two 👎.
package struct ReviewLedger: Sendable, Equatable {
    /// What became of a finding.
    package enum Fate: String, Sendable, Equatable, CaseIterable {
        /// Its thread was resolved (after a push, or by a person) without this action conceding.
        case fixed
        /// This action conceded it to the team in its thread.
        case dismissed
        /// Still open.
        case open

        /// The word with its emoji, as the tables show it.
        package var label: Markdown {
            switch self {
            case .fixed: "✅ fixed"
            case .dismissed: "🙅 dismissed"
            case .open: "💬 open"
            }
        }
    }

    /// One posted finding.
    package struct Entry: Sendable, Equatable {
        package var path: String
        package var title: String
        package var fate: Fate
        /// 👍 and 👎 by people on the finding's comment.
        package var reactions: ReactionCounts

        /// Memberwise initialiser.
        package init(path: String, title: String, fate: Fate, reactions: ReactionCounts = .none) {
            self.path = path
            self.title = title
            self.fate = fate
            self.reactions = reactions
        }
    }

    /// One entry per thread this action started, in the threads' order.
    package var entries: [Entry]

    /// Memberwise initialiser.
    package init(entries: [Entry]) { self.entries = entries }

    /// The ledger of `threads`: only this action's own threads (``ReviewThread/isOurs``) count.
    package init(threads: [ReviewThread]) {
        entries = threads.filter(\.isOurs).map { thread in
            let conceded = thread.comments.contains { $0.byViewer && Markers.find(in: $0.body).contains("conceded") }
            let fate: Fate = conceded ? .dismissed : thread.isResolved ? .fixed : .open
            return Entry(
                path: thread.path, title: thread.findingTitle ?? "", fate: fate,
                reactions: thread.comments.first?.reactions ?? .none)
        }
    }

    /// Findings with `fate`.
    package func count(_ fate: Fate) -> Int { entries.count { $0.fate == fate } }
    /// 👍 by people over every finding.
    package var thumbsUp: Int { entries.reduce(0) { $0 + $1.reactions.thumbsUp } }
    /// 👎 by people over every finding.
    package var thumbsDown: Int { entries.reduce(0) { $0 + $1.reactions.thumbsDown } }
    /// Whether the team reacted at all: a fate other than open, or a reaction.
    package var hasFeedback: Bool { entries.contains { $0.fate != .open || $0.reactions != .none } }

    /// The per-title counts of this ledger, for the repository's acceptance table (titles in first-seen order).
    package func acceptance(pullRequest: Int) -> [AcceptanceEntry] {
        var order: [String] = []
        var counts: [String: AcceptanceCounts] = [:]
        for entry in entries {
            if counts[entry.title] == nil { order.append(entry.title) }
            counts[entry.title, default: AcceptanceCounts()].add(entry)
        }
        return order.map { AcceptanceEntry(pullRequest: pullRequest, title: $0, counts: counts[$0] ?? .init()) }
    }
}
