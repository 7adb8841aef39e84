/// Answers a person's reply in one of this action's review threads, once, and resolves the thread when the
/// answer concedes.
package struct ThreadResponder: Sendable {
    package var threads: any ReviewThreadStore
    package var conversation: any Conversation
    package var model: any ChatModel
    package var profile: ModelProfile
    /// Language, path instructions and context lines.
    package var settings: ReviewSettings
    package var console: any RunConsole
    /// Reads the commented file for its enclosing scope.
    package var contents: (any FileContentSource)?
    /// Records what a concession teaches (`learn: true`); `nil` learns nothing.
    package var learnings: LearningRecorder?
    /// Where a failed reaction is reported, so it survives an answer that then fails.
    package var diagnostics: any DiagnosticCollector

    /// Memberwise initialiser.
    package init(
        threads: any ReviewThreadStore, conversation: any Conversation, model: any ChatModel, profile: ModelProfile,
        settings: ReviewSettings, console: any RunConsole, contents: (any FileContentSource)? = nil,
        learnings: LearningRecorder? = nil, diagnostics: any DiagnosticCollector = DiagnosticLog()
    ) {
        self.learnings = learnings
        self.diagnostics = diagnostics
        self.threads = threads
        self.conversation = conversation
        self.model = model
        self.profile = profile
        self.settings = settings
        self.console = console
        self.contents = contents
    }

    /// What answering did.
    package enum Outcome: Sendable, Equatable {
        /// Nothing to answer, and why (not this action's thread, already answered, its own comment).
        case skipped(String)
        /// Answered; `resolved` when the answer conceded and the thread was resolved.
        case answered(replyURL: String?, usage: TokenUsage, resolved: Bool, diagnostics: [Diagnostic])
    }

    /// Answers the reply described by `context` (its `commentID`, in the thread of `threadRootID`).
    package func respond(_ ref: PullRequestRef, _ context: CommentContext) async throws -> Outcome {
        let all = try await threads.threads(ref)
        let root = context.threadRootID ?? context.commentID
        guard let thread = all.first(where: { $0.comments.first?.id == root }) else {
            return .skipped("the thread of comment \(root) was not found")
        }
        guard thread.isOurs else { return .skipped("the thread was not started by this action") }
        if let reply = thread.comments.first(where: { $0.id == context.commentID }) {
            guard !reply.byViewer else { return .skipped("the comment is this action's own") }
            guard !reply.authorIsBot else { return .skipped("replies by bots are never answered") }
        }
        // At most one answer per reply: this action's comment after it means it was answered.
        if let index = thread.comments.firstIndex(where: { $0.id == context.commentID }),
            thread.comments[(index + 1)...].contains(where: \.byViewer)
        {
            return .skipped("the reply was answered already")
        }
        // A failed reaction goes to the run's diagnostics at once, as on the command path: it is kept even when
        // the answer then fails.
        if let warning = await Acknowledgement.react(ref, context, on: conversation) { self.diagnostics.emit(warning) }
        var diagnostics: [Diagnostic] = []
        let scope = await CommentedHunk.scope(of: context, contents: contents, contextLines: settings.contextLines)
        let guidance = settings.promptBuilder().guidance(for: [thread.path])
        var request = profile.conversationRequest(
            ThreadReplyPrompt.messages(
                thread, context: context, scope: scope, language: settings.language, guidance: guidance))
        request.schema = ThreadReplyPrompt.schema
        request.schemaName = "thread_reply"
        let completion = try await model.complete(request)
        let answer = ModelAnswer.decode(ThreadReplyAnswer.self, from: completion.content)
        guard let text = answer?.reply.trimmingWhitespace(), !text.isEmpty else {
            throw RunError.noAnswer(refusal: completion.refusal)
        }
        let body = MarkdownBuilder.mention(context.author) + " \(model: text, repository: nil)"
        var footer: Markdown =
            "\n\n<sub>🤖 ChatGPT Probot · \(code: profile.name)</sub>\n\(Markers.trusted(Markers.reply))"
        if answer?.concede == true { footer += "\n" + Markers.trusted(Markers.conceded) }
        let url = try await threads.reply(
            ref, rootCommentID: root, body: ReviewBodyRenderer.fit(head: body, sections: [], tail: footer))
        var resolved = false
        if answer?.concede == true {
            do {
                try await threads.resolve(threadID: thread.id)
                resolved = true
            } catch {
                diagnostics.append(.warning("conceded, but could not resolve the thread: \(error)"))
            }
            if let learnings {
                diagnostics += await learnings.record(
                    answer?.learning, thread: thread, replyID: context.commentID, ref: ref
                ).1
            }
        }
        console.info("answered @\(context.author) in the thread on \(thread.path)" + (resolved ? "; resolved it" : ""))
        return .answered(replyURL: url, usage: completion.usage, resolved: resolved, diagnostics: diagnostics)
    }
}
