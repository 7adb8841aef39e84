package import ProbotCore

/// The command mode: acknowledges a comment command with 👀 and answers it in one reply.
package struct CommandRun: Sendable {
    package var responder: CommandResponder

    /// Memberwise initialiser.
    package init(responder: CommandResponder) {
        self.responder = responder
    }

    /// Answers the command in `context` on `ref`.
    package func run(_ ref: PullRequestRef, _ context: CommandContext) async -> RunOutcome {
        let outcome: CommandResponder.Outcome
        do {
            outcome = try await responder.respond(ref, context)
        } catch {
            return .failed(RunError(error), subject: "\(ref)")
        }
        return Self.answered(ref, what: "@\(Format.cell(context.author))'s command", outcome)
    }

    /// The outcome of one answer: a short summary with a link and the tokens, and the step outputs.
    /// - Parameter what: what was answered, e.g. "@octo's command".
    package static func answered(
        _ ref: PullRequestRef, what: String, _ outcome: CommandResponder.Outcome, note: String = "",
        annotations: [Diagnostic] = []
    ) -> RunOutcome {
        let reply = outcome.replyURL.map { ": [reply](\($0))" } ?? "."
        let summary =
            "## 🤖 ChatGPT Probot · \(ref)\n\nAnswered \(what)\(reply)\(note)\n\n"
            + "| Tokens | \(Format.count(outcome.usage.promptTokens)) → \(Format.count(outcome.usage.completionTokens)) |\n|---|---|\n"
        return RunOutcome(
            kind: .command(outcome), summary: summary,
            outputs: StepOutputs.make([
                "model-requests": "1", "prompt-tokens": String(outcome.usage.promptTokens),
                "completion-tokens": String(outcome.usage.completionTokens),
            ]), annotations: annotations)
    }
}
