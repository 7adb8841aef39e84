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
        return Self.answered(ref, what: "\(text: "@" + context.author)'s command", outcome)
    }

    /// The outcome of one answer: a short summary with a link and the tokens, and the step outputs.
    /// - Parameter what: what was answered, e.g. "@octo's command".
    package static func answered(
        _ ref: PullRequestRef, what: Markdown, _ outcome: CommandResponder.Outcome, note: Markdown = "",
        annotations: [Diagnostic] = []
    ) -> RunOutcome {
        let reply = outcome.replyURL.map { ": " + MarkdownBuilder.link("reply", to: $0) } ?? "."
        let summary: Markdown =
            "## 🤖 ChatGPT Probot · \(text: ref.description)\n\nAnswered \(what)\(reply)\(note)\n\n"
            + "| Tokens | \(count: outcome.usage.promptTokens) → \(count: outcome.usage.completionTokens) |\n|---|---|\n"
        return RunOutcome(
            kind: .command(outcome), summary: summary,
            outputs: StepOutputs.make([
                "model-requests": "1", "prompt-tokens": String(outcome.usage.promptTokens),
                "completion-tokens": String(outcome.usage.completionTokens),
            ]), annotations: annotations)
    }
}
