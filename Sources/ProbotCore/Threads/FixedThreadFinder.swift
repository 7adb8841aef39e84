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

    /// The verdict for `thread`.
    /// - Parameters:
    ///   - changedPaths: files changed since the last review.
    ///   - raised: `(path, title)` of every finding the new review holds (posted now or before).
    package static func verdict(
        _ thread: ReviewThread, changedPaths: Set<String>, raised: Set<PathTitle>
    ) -> Verdict {
        guard thread.isOurs else { return .notOurs }
        guard !thread.isResolved else { return .alreadyResolved }
        guard thread.isOutdated && changedPaths.contains(thread.path) else { return .lineUnchanged }
        if let title = thread.findingTitle, raised.contains(PathTitle(path: thread.path, title: title)) {
            return .raisedAgain
        }
        let replies = thread.repliesSinceOurLastWord
        if let last = replies.last, !last.saysFixed { return .personReplied }
        return .addressed
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
            self.init(path: finding.path, title: CommentRenderer.sanitize(finding.title))
        }
    }
}
