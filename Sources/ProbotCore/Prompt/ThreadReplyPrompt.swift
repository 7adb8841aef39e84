/// The prompt for answering a reply in one of this action's review threads.
package enum ThreadReplyPrompt {
    /// The answer's strict schema: the reply, and whether the reviewer concedes (which resolves the thread).
    package static let schema: JSONValue = .object([
        "type": .string("object"), "additionalProperties": .bool(false),
        "required": .array([.string("reply"), .string("concede"), .string("learning")]),
        "properties": .object([
            "reply": .object([
                "type": .string("string"), "description": .string("The answer, briefly, in Markdown."),
            ]),
            "concede": .object([
                "type": .string("boolean"),
                "description": .string(
                    "True when the reply shows the finding is wrong or already handled, so the thread can be resolved."
                ),
            ]),
            "learning": learningSchema,
        ]),
    ])

    /// The nullable `learning` object: a rule in one line and the glob of files it applies to.
    static let learningSchema: JSONValue = .object([
        "type": .array([.string("object"), .string("null")]), "additionalProperties": .bool(false),
        "required": .array([.string("rule"), .string("scope")]),
        "description": .string(
            "When conceding because the person explained why the finding is wrong (intended behaviour, handled elsewhere, a house rule): the rule to remember. Otherwise null."
        ),
        "properties": .object([
            "rule": .object([
                "type": .string("string"),
                "description": .string("The rule in one line, in the team's own words."),
            ]),
            "scope": .object([
                "type": .string("string"),
                "description": .string(
                    "A glob of the files the rule applies to (`*` within a folder, `**` across folders), e.g. `src/parser/**` or `*.sql`; the commented file's path when unsure."
                ),
            ]),
        ]),
    ])

    /// The messages: the thread oldest first, the hunk with its enclosing scope, and the file's path.
    package static func messages(
        _ thread: ReviewThread, context: CommentContext, scope: [NumberedLine], language: String, guidance: String
    ) -> [ChatMessage] {
        let system = """
            You are ChatGPT Probot, the reviewer who started this pull request review thread. Someone replied to \
            your finding. Answer briefly and concretely: explain, correct yourself, or suggest a fix. When the reply \
            shows your finding is wrong or already handled, say so plainly and set `concede` to true; otherwise \
            false. When you concede because the person explained why the finding is wrong (intended behaviour, \
            handled elsewhere, a house rule), also give `learning`: that rule in one line in their own words, and \
            the glob of files it applies to; otherwise `learning` is null. \(CommandPrompts.rules) Write in \
            \(language). Answer with JSON matching the schema.
            """ + guidance
        var user = "File \(MarkdownBuilder.codeSpan(thread.path))"
        if let line = thread.line ?? thread.originalLine { user += ", line \(line)" }
        user += ".\n"
        if !scope.isEmpty {
            user +=
                "The code above the hunk, from its enclosing scope (for understanding only):\n\(UntrustedFence.run.open)\n"
            user +=
                scope.map { "~\($0.number): \($0.text)" }.joined(separator: "\n") + "\n\(UntrustedFence.run.close)\n"
        }
        user +=
            "The hunk:\n\(UntrustedFence.run.open)\n```diff\n\(context.diffHunk ?? "")\n```\n\(UntrustedFence.run.close)\n"
        user += "The thread, oldest first (your comments are marked `you`):\n\(UntrustedFence.run.open)\n"
        for comment in thread.comments {
            let who = comment.byViewer ? "you" : "@\(comment.author)"
            user += "\(who): \(String(comment.body.prefix(3_000)))\n---\n"
        }
        user += "\(UntrustedFence.run.close)"
        return [.system(system), .user(user)]
    }
}
