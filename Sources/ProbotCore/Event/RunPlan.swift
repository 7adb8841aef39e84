/// What one run does, from the event and the `mode` / `pull-request` inputs.
package enum RunPlan: Sendable, Equatable {
    /// Review a pull request (`payload` when the event carries it).
    case review(PullRequestRef, payload: PullRequestPayload?)
    /// Audit the checked-out repository.
    case audit(repository: String)
    /// Answer a comment command.
    case command(PullRequestRef, CommandContext)
    /// Answer a reply in one of this action's review threads (no command needed); the context's command holds
    /// the reply's text as a question.
    case threadReply(PullRequestRef, CommandContext)
    /// Do nothing; say why.
    case skip(String)
}
