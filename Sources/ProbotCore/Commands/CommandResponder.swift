/// Answers one comment command: builds the prompt, asks the model, replies where the command was typed.
package struct CommandResponder: Sendable {
    package var conversation: any Conversation
    /// Where replies in a review thread go.
    package var threads: any ReviewThreadStore
    /// The changed files a `/chatgpt` on a pull request sees.
    package var pullRequests: any PullRequestSource
    package var model: any ChatModel
    package var profile: ModelProfile
    /// Language and the include/exclude filter for the diff a `/chatgpt` on a pull request sees.
    package var settings: ReviewSettings
    package var counter: any TokenCounter
    package var console: any RunConsole
    /// Reads the commented file for its enclosing scope; `nil` shows the hunk alone.
    package var contents: (any FileContentSource)?

    /// Memberwise initialiser.
    package init(
        conversation: any Conversation, threads: any ReviewThreadStore, pullRequests: any PullRequestSource,
        model: any ChatModel, profile: ModelProfile, settings: ReviewSettings,
        counter: any TokenCounter, console: any RunConsole, contents: (any FileContentSource)? = nil
    ) {
        self.conversation = conversation
        self.threads = threads
        self.pullRequests = pullRequests
        self.model = model
        self.profile = profile
        self.settings = settings
        self.counter = counter
        self.console = console
        self.contents = contents
    }

    /// What a command produced.
    package struct Outcome: Sendable, Equatable {
        package var replyURL: String?
        package var usage: TokenUsage

        /// Memberwise initialiser.
        package init(replyURL: String?, usage: TokenUsage) {
            self.replyURL = replyURL
            self.usage = usage
        }
    }

    /// Answers `command`, typed in `context`, with one reply.
    /// - Throws: ``RunError/noAnswer(refusal:)`` when the model says nothing; service errors as they come.
    package func respond(_ ref: PullRequestRef, _ command: CommentCommand, _ context: CommentContext) async throws
        -> Outcome
    {
        let messages: [ChatMessage]
        if context.inReviewThread {
            let guidance = settings.promptBuilder().guidance(for: context.path.map { [$0] } ?? [])
            messages = CommandPrompts.thread(
                command, context, language: settings.language, guidance: guidance,
                scope: await CommentedHunk.scope(of: context, contents: contents, contextLines: settings.contextLines))
        } else if case .chat(let question) = command {
            messages = try await chatMessages(ref, context, question: question)
        } else {
            // The resolver sends `/review` outside a thread to the review flow and skips `/refactor` there.
            throw RunError.commandNeedsThread
        }
        let completion = try await model.complete(profile.conversationRequest(messages))
        guard let answer = completion.content?.trimmingWhitespace(), !answer.isEmpty else {
            throw RunError.noAnswer(refusal: completion.refusal)
        }
        let text = CommandPrompts.reply(
            command, in: context, answer: answer, model: profile.name, usage: completion.usage)
        let url =
            context.inReviewThread
            ? try await threads.reply(ref, rootCommentID: context.threadRootID ?? context.commentID, body: text)
            : try await conversation.comment(ref, body: text)
        console.info("replied to @\(context.author)" + (url.map { ": \($0)" } ?? ""))
        return Outcome(replyURL: url, usage: completion.usage)
    }

    /// `/chatgpt` on an issue (recent comments) or a pull request (the diff within the budget).
    private func chatMessages(_ ref: PullRequestRef, _ context: CommentContext, question: String) async throws
        -> [ChatMessage]
    {
        let chat = CommandPrompts.chat(context, question: question, language: settings.language)
        guard context.isPullRequest else {
            let recent = try await conversation.recentComments(ref, limit: 11).filter { !$0.body.contains(question) }
            return chat.messages(context: CommandPrompts.comments(Array(recent.suffix(10))))
        }
        let files = try await pullRequests.changedFiles(ref)
        let builder = settings.promptBuilder()
        let planner = ReviewPlanner(
            filter: settings.filter, batcher: PromptBatcher(counter: counter, builder: builder, budget: profile.budget))
        let used = counter.count(messages: chat.messages(context: "")) + 20
        let diff = CommandPrompts.diff(
            planner.plan(files).files, builder: builder, counter: counter, room: profile.budget.promptTokens - used)
        return chat.messages(context: diff)
    }
}
