/// What one run does, decided once from the event and the `mode` / `pull-request` inputs: the only plan type.
package enum RunPlan: Sendable, Equatable {
    /// Review a pull request (`payload` when the event carries it; skip rules apply only then).
    case review(PullRequestRef, payload: PullRequestPayload?)
    /// Audit the checked-out repository.
    case audit(repository: String)
    /// Answer a comment command typed in `context`.
    case command(PullRequestRef, CommentCommand, CommentContext)
    /// Answer a reply in one of this action's review threads (no command: the thread holds the conversation).
    case threadReply(PullRequestRef, CommentContext)
    /// Do nothing; say why.
    case skip(String)
}
