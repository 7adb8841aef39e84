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
            let reply = url.map { ": [reply](\($0))" } ?? "."
            let summary =
                "## 🤖 ChatGPT Probot · \(ref)\n\nAnswered @\(Format.cell(context.author)) in a review thread\(reply)"
                + (resolved ? " The answer conceded, so the thread was resolved." : "") + "\n\n"
                + "| Tokens | \(Format.count(usage.promptTokens)) → \(Format.count(usage.completionTokens)) |\n|---|---|\n"
            return RunOutcome(
                kind: .command(CommandResponder.Outcome(replyURL: url, usage: usage)), summary: summary,
                outputs: StepOutputs.make([
                    "model-requests": "1", "prompt-tokens": String(usage.promptTokens),
                    "completion-tokens": String(usage.completionTokens),
                ]), annotations: diagnostics)
        }
    }
}
