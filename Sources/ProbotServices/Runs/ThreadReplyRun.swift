package import ProbotCore

/// The thread mode: answers a reply in one of this action's review threads without a command.
package struct ThreadReplyRun: Sendable {
    package var responder: ThreadResponder

    /// Memberwise initialiser.
    package init(responder: ThreadResponder) {
        self.responder = responder
    }

    /// Answers the reply in `context` on `ref`, or skips with a notice when it is not for this action.
    package func run(_ ref: PullRequestRef, _ context: CommandContext) async -> RunOutcome {
        let outcome: ThreadResponder.Outcome
        do {
            outcome = try await responder.respond(ref, context)
        } catch {
            return .failed(RunError(error), subject: "\(ref)")
        }
        switch outcome {
        case .skipped(let why):
            return .skipped(why)
        case .answered(let url, let usage, let resolved, let diagnostics):
            return CommandRun.answered(
                ref, what: "\(text: "@" + context.author) in a review thread",
                CommandResponder.Outcome(replyURL: url, usage: usage),
                note: resolved ? " The answer conceded, so the thread was resolved." : "", annotations: diagnostics)
        }
    }
}
