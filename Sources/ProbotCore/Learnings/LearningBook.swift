/// The learnings issue as a run read it: where it is, what it teaches, and the acceptance it keeps.
package struct LearningBook: Sendable, Equatable {
    /// The issue's number; `nil` when the repository has none yet.
    package var issue: Int?
    /// The learnings, oldest first (one per comment this action wrote that still carries its marker).
    package var learnings: [Learning]
    /// Per pull request and finding title, what happened to this action's findings (from the issue's body).
    package var acceptance: [AcceptanceEntry]

    /// Memberwise initialiser.
    package init(issue: Int? = nil, learnings: [Learning] = [], acceptance: [AcceptanceEntry] = []) {
        self.issue = issue
        self.learnings = learnings
        self.acceptance = acceptance
    }

    /// The learnings that apply to any of `paths`, each once, in the issue's order.
    package func applying(to paths: [String]) -> [Learning] {
        learnings.filter { learning in paths.contains { learning.matches($0) } }
    }
}
