/// The one gate every run started by a comment passes, whatever the mode: the comment is new, it carries a
/// command (or replies in a review thread), its author is not a bot, and their association is allowed.
package enum CommentGate: Sendable, Equatable {
    /// The run may go on with `command`; `parsed` is `nil` for a thread reply without a command.
    case open(command: CommentCommand, parsed: CommentCommand?)
    /// The run does nothing, for `reason`.
    case closed(String)

    /// The command that opened the gate, if it did.
    package var command: CommentCommand? {
        if case .open(let command, _) = self { return command }
        return nil
    }

    /// Checks a comment event.
    /// - Throws: ``EventError`` when the payload has no comment.
    package static func check(
        _ event: GitHubEvent, eventName: String, allowed: Set<String>, replyInThreads: Bool
    ) throws(EventError) -> CommentGate {
        guard let comment = event.comment else { throw .malformed("a `\(eventName)` payload has no `comment`") }
        guard event.action == nil || event.action == "created" else {
            return .closed("comment was \(event.action ?? "changed"); only new comments run commands")
        }
        // A reply in a review thread needs no command: the thread may be this action's (checked when it runs).
        let isThreadReply =
            eventName == "pull_request_review_comment" && comment.inReplyToID != nil && replyInThreads
        let parsed = CommentCommand.parse(comment.body)
        guard let command = parsed ?? (isThreadReply ? .chat(question: comment.body) : nil) else {
            return .closed("the comment has no /chatgpt, /review or /refactor command")
        }
        if event.sender?.type == "Bot" || comment.user?.type == "Bot" {
            return .closed("comments by bots (including this action) never run commands")
        }
        let association = comment.authorAssociation?.uppercased() ?? "NONE"
        guard allowed.contains(association) else {
            return .closed(
                "@\(comment.user?.login ?? "someone") (\(association.lowercased())) may not run commands; allowed: \(allowed.sorted().joined(separator: ", "))"
            )
        }
        return .open(command: command, parsed: parsed)
    }
}
