/// The command mode: `/chatgpt`, `/review` and `/refactor` in a comment. Its policy: 👀 on the comment first (a
/// failure is a warning); `/review` outside a review thread is a review of the pull request, skip rules off; a
/// dry run answers nothing; the repository's rules at the pull request's base apply (``RepositoryRules``).
package struct CommandMode: Sendable {
    package var context: RunContext
    package var conversation: any Conversation
    package var threads: any ReviewThreadStore
    package var pullRequests: any PullRequestSource
    package var rules: RepositoryRules
    /// Reads the commented file for its enclosing scope.
    package var contents: (any FileContentSource)?
    /// Where `/review` outside a thread goes.
    package var review: ReviewMode

    /// Memberwise initialiser.
    package init(
        context: RunContext, conversation: any Conversation, threads: any ReviewThreadStore,
        pullRequests: any PullRequestSource, rules: RepositoryRules, contents: (any FileContentSource)?,
        review: ReviewMode
    ) {
        self.context = context
        self.conversation = conversation
        self.threads = threads
        self.pullRequests = pullRequests
        self.rules = rules
        self.contents = contents
        self.review = review
    }

    /// Answers `command`, typed in `comment` on `ref`.
    package func run(_ ref: PullRequestRef, _ command: CommentCommand, _ comment: CommentContext) async -> RunOutcome {
        if let warning = await Acknowledgement.react(ref, comment, on: conversation) {
            context.diagnostics.emit(warning)
        }
        if command == .review && !comment.inReviewThread {
            return await review.run(ref, appliesSkipRules: false)
        }
        guard !context.settings.dryRun else { return .skipped("`dry-run` is on: the command was not answered") }
        do {
            let settings = try await rules.settings(
                at: comment.baseSHA, applyingTo: context.settings, diagnostics: context.diagnostics)
            let responder = CommandResponder(
                conversation: conversation, threads: threads, pullRequests: pullRequests, model: context.model,
                profile: context.profile, settings: settings, counter: context.counter, console: context.console,
                contents: contents)
            let outcome = try await responder.respond(ref, command, comment)
            return Self.answered(ref, what: "\(text: "@" + comment.author)'s command", outcome)
        } catch {
            return .failed(RunError(error), subject: "\(ref)")
        }
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
