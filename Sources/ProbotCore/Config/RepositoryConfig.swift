/// The repository's own review rules, from `.github/chatgpt-probot.yml` on the base branch.
/// Every key is optional; `nil` means the file does not set it.
package struct RepositoryConfig: Sendable, Equatable {
    /// Added to the system prompt for every file.
    package var instructions: String?
    /// Added to the system prompt of requests holding a matching file, in order.
    package var pathInstructions: [PathInstruction] = []
    package var include: [String]?
    package var exclude: [String]?
    package var minSeverity: Severity?
    package var language: String?
    /// Few-shot examples, read from the base branch like this file.
    package var examplesFile: String?
    /// When a pull request is not reviewed at all.
    package var skip = SkipRules()
    /// Review generated and vendored files too.
    package var reviewGenerated: Bool?
    /// Pass the repository's agent instruction files to the model.
    package var agentInstructions: Bool?

    /// An empty configuration (no file, or an empty one).
    package init() {}
}

/// Instructions for the files that match a glob.
package struct PathInstruction: Sendable, Equatable {
    /// A glob in the `include`/`exclude` syntax.
    package var path: String
    package var instructions: String

    /// Memberwise initialiser.
    package init(path: String, instructions: String) {
        self.path = path
        self.instructions = instructions
    }

    /// Whether `file` matches ``path``.
    package func matches(_ file: String) -> Bool { GlobPattern(path).matches(file) }
}

/// Rules that keep a pull request from being reviewed.
package struct SkipRules: Sendable, Equatable {
    /// A pull request with any of these labels is skipped (case-insensitive).
    package var labels: [String] = []
    /// A title containing any of these is skipped (case-insensitive).
    package var titleKeywords: [String] = []
    /// Pull requests by these logins are skipped (case-insensitive).
    package var authors: [String] = []

    /// No rules.
    package init(labels: [String] = [], titleKeywords: [String] = [], authors: [String] = []) {
        self.labels = labels
        self.titleKeywords = titleKeywords
        self.authors = authors
    }

    /// The rule that matches, in words (`label \`no-ai-review\``), or `nil` when the pull request is reviewed.
    package func match(title: String, labels prLabels: [String], author: String?) -> String? {
        let lowered = Set(prLabels.map { $0.lowercased() })
        if let label = labels.first(where: { lowered.contains($0.lowercased()) }) {
            return "label `\(label)` (skip.labels)"
        }
        if let keyword = titleKeywords.first(where: { title.lowercased().contains($0.lowercased()) }) {
            return "title keyword `\(keyword)` (skip.title_keywords)"
        }
        if let author, let rule = authors.first(where: { $0.lowercased() == author.lowercased() }) {
            return "author `\(rule)` (skip.authors)"
        }
        return nil
    }
}
