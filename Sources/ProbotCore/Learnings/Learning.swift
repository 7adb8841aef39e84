/// One rule the team taught this action by explaining, in one of its review threads, why a finding was wrong.
///
/// Stored as a comment on the repository's learnings issue (``LearningComment``): the rule as plain text, the
/// scope and the finding in a hidden marker block. The visible rule is the source of truth, so a maintainer who
/// edits the comment's first paragraph changes the rule; deleting the comment forgets it.
package struct Learning: Sendable, Equatable {
    /// The rule in one line, in the team's words.
    package var rule: String
    /// A validated glob (``LearningScope``) of the files the rule applies to.
    package var scope: String
    /// The title of the finding the team explained away.
    package var findingTitle: String
    /// The review thread the rule came from.
    package var threadURL: String?
    /// Who taught it.
    package var teacher: String
    /// The issue comment that stores it (`nil` until recorded).
    package var commentID: Int?
    /// The issue comment's web address, for the job summary.
    package var commentURL: String?

    /// Longest rule kept, in characters.
    package static let ruleLimit = 300

    /// Memberwise initialiser; the rule is folded to one line and cut at ``ruleLimit``.
    package init(
        rule: String, scope: String, findingTitle: String, threadURL: String? = nil, teacher: String,
        commentID: Int? = nil, commentURL: String? = nil
    ) {
        self.rule = Self.oneLine(rule)
        self.scope = scope
        self.findingTitle = Self.oneLine(findingTitle)
        self.threadURL = threadURL
        self.teacher = teacher
        self.commentID = commentID
        self.commentURL = commentURL
    }

    /// Whether the rule applies to `path`.
    package func matches(_ path: String) -> Bool { GlobPattern(scope).matches(path) }

    /// `text` on one line, whitespace runs folded, at most ``ruleLimit`` characters.
    static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let line = words.joined(separator: " ")
        return line.count > ruleLimit ? String(line.prefix(ruleLimit - 1)) + "…" : line
    }
}
