/// Names one pull request: `owner/repo#number`.
package struct PullRequestRef: Sendable, Hashable, CustomStringConvertible {
    package var owner: String
    package var repo: String
    package var number: Int

    /// Memberwise initialiser.
    package init(owner: String, repo: String, number: Int) {
        self.owner = owner
        self.repo = repo
        self.number = number
    }

    /// Splits `owner/name`; `nil` unless there are exactly two non-empty parts.
    package init?(fullName: String, number: Int) {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(owner: String(parts[0]), repo: String(parts[1]), number: number)
    }

    package var description: String { "\(owner)/\(repo)#\(number)" }
}
