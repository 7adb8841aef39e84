/// The 👀 reaction that says a comment was seen.
package enum Acknowledgement {
    /// Adds the reaction; a failure is only a warning.
    package static func react(
        _ ref: PullRequestRef, _ context: CommentContext, on conversation: any Conversation
    ) async -> Diagnostic? {
        do {
            try await conversation.react(
                ref, commentID: context.commentID, inReviewThread: context.inReviewThread, content: "eyes")
            return nil
        } catch {
            return .warning("could not add the 👀 reaction: \(error)")
        }
    }
}
