/// Decides which of this action's open threads a push addressed.
///
/// A thread is addressed when the commits since the last review changed its line (GitHub marks it outdated, and
/// its file changed) and the new review of that file does not raise the same finding again. A thread a person
/// answered after the action's last word is left to people, unless that reply says it is fixed.
package enum FixedThreadFinder {
    /// Why a thread is or is not resolved, for tests and the log.
    package enum Verdict: Sendable, Equatable {
        case addressed
        case notOurs
        case alreadyResolved
        case lineUnchanged
        case raisedAgain
        case personReplied
    }

    /// The verdict for each of `threads`, in order.
    ///
    /// The new review's findings are matched to threads by count, never collapsed into a set. A finding an
    /// earlier run posted matches the thread carrying its fingerprint, exactly. Every other finding (posted now,
    /// or matching no open thread) counts against a changed thread with the same file and title: two such threads
    /// and one finding raised again leave one addressed.
    /// - Parameters:
    ///   - changedPaths: files changed since the last review.
    ///   - posted: the file and title of each finding posted now.
    ///   - alreadyPosted: the file, title and fingerprint of each finding an earlier run posted.
    package static func verdicts(
        _ threads: [ReviewThread], changedPaths: Set<String>, posted: [PathTitle],
        alreadyPosted: [(key: PathTitle, fingerprint: String)]
    ) -> [Verdict] {
        var stillPosted: [String: Int] = [:]
        for finding in alreadyPosted { stillPosted[finding.fingerprint, default: 0] += 1 }
        var matchedExactly = Set<Int>()
        for (index, thread) in threads.enumerated() where thread.isOurs && !thread.isResolved {
            guard let fingerprint = thread.fingerprint, let left = stillPosted[fingerprint], left > 0 else { continue }
            stillPosted[fingerprint] = left - 1
            matchedExactly.insert(index)
        }
        var byTitle: [PathTitle: Int] = [:]
        for key in posted { byTitle[key, default: 0] += 1 }
        for finding in alreadyPosted {
            guard let left = stillPosted[finding.fingerprint], left > 0 else { continue }
            stillPosted[finding.fingerprint] = left - 1
            byTitle[finding.key, default: 0] += 1
        }
        return threads.enumerated().map { index, thread in
            guard thread.isOurs else { return .notOurs }
            guard !thread.isResolved else { return .alreadyResolved }
            guard thread.isOutdated && changedPaths.contains(thread.path) else { return .lineUnchanged }
            if matchedExactly.contains(index) { return .raisedAgain }
            if let title = thread.findingTitle, case let key = PathTitle(path: thread.path, title: title),
                let left = byTitle[key], left > 0
            {
                byTitle[key] = left - 1
                return .raisedAgain
            }
            if let last = thread.repliesSinceOurLastWord.last, !last.saysFixed { return .personReplied }
            return .addressed
        }
    }

    /// A finding's file and title, as threads show it.
    package struct PathTitle: Sendable, Hashable {
        package var path: String
        package var title: String

        /// Memberwise initialiser.
        package init(path: String, title: String) {
            self.path = path
            self.title = title
        }

        /// The key of a finding, with its title rendered as the thread shows it.
        package init(_ finding: Finding) {
            self.init(path: finding.path, title: CommentRenderer.title(finding).rawValue)
        }
    }
}
