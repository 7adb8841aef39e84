/// The thread mode: a person's reply in one of this action's review threads, without a command. Its policy: only
/// this action's threads, one answer per reply, never bots; 👀 once the reply is known to be for this action; a
/// dry run answers nothing; the repository's rules at the pull request's base apply (``RepositoryRules``).
package struct ThreadReplyMode: Sendable {
    package var context: RunContext
    package var conversation: any Conversation
    package var threads: any ReviewThreadStore
    package var rules: RepositoryRules
    /// Reads the commented file for its enclosing scope.
    package var contents: (any FileContentSource)?
    /// Records what a person taught when the answer concedes (`learn: true`).
    package var learnings: LearningRecorder?

    /// Memberwise initialiser.
    package init(
        context: RunContext, conversation: any Conversation, threads: any ReviewThreadStore, rules: RepositoryRules,
        contents: (any FileContentSource)?, learnings: LearningRecorder? = nil
    ) {
        self.learnings = learnings
        self.context = context
        self.conversation = conversation
        self.threads = threads
        self.rules = rules
        self.contents = contents
    }

    /// Answers the reply `comment` on `ref`, or skips with a notice when it is not for this action.
    package func run(_ ref: PullRequestRef, _ comment: CommentContext) async -> RunOutcome {
        guard !context.settings.dryRun else { return .skipped("`dry-run` is on: the reply was not answered") }
        let outcome: ThreadResponder.Outcome
        do {
            let settings = try await rules.settings(
                at: comment.baseSHA, applyingTo: context.settings, diagnostics: context.diagnostics)
            outcome = try await ThreadResponder(
                threads: threads, conversation: conversation, model: context.model, profile: context.profile,
                settings: settings, console: context.console, contents: contents, learnings: learnings,
                diagnostics: context.diagnostics
            ).respond(ref, comment)
        } catch {
            return .failed(RunError(error), subject: "\(ref)")
        }
        switch outcome {
        case .skipped(let why):
            return .skipped(why)
        case .answered(let url, let usage, let resolved, let diagnostics):
            return CommandMode.answered(
                ref, what: "\(text: "@" + comment.author) in a review thread",
                CommandResponder.Outcome(replyURL: url, usage: usage),
                note: resolved ? " The answer conceded, so the thread was resolved." : "", annotations: diagnostics)
        }
    }
}
