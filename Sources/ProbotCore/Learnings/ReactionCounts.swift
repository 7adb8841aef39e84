/// 👍 and 👎 on one comment by people: bots and this action's own reactions left out.
package struct ReactionCounts: Sendable, Equatable {
    package var thumbsUp: Int
    package var thumbsDown: Int

    /// No reactions.
    package static let none = ReactionCounts(thumbsUp: 0, thumbsDown: 0)

    /// Memberwise initialiser.
    package init(thumbsUp: Int, thumbsDown: Int) {
        self.thumbsUp = thumbsUp
        self.thumbsDown = thumbsDown
    }
}
