/// A piece of one file sent in one request: the whole file, or a run of its hunks.
package struct BatchItem: Sendable, Equatable {
    /// The file the hunks belong to.
    package var file: FileDiff
    /// The hunks sent (all of them unless the file was split).
    package var hunks: [Hunk]
    /// `(index, count)` when the file was split across requests.
    package var part: Part?
    /// The text sent to the model.
    package var rendered: String
    /// Tokens of `rendered` plus its separator.
    package var tokens: Int
    /// Order of the file in the pull request, for stable output.
    package var order: Int
    /// The related snippets this piece takes to its request (their tokens are in `tokens`).
    package var related: [RelatedSnippet] = []
    /// How much of the file's context `rendered` shows.
    package var level: ContextLevel = .full

    /// Memberwise initialiser.
    package init(
        file: FileDiff, hunks: [Hunk], part: Part?, rendered: String, tokens: Int, order: Int,
        related: [RelatedSnippet] = [], level: ContextLevel = .full
    ) {
        self.file = file
        self.hunks = hunks
        self.part = part
        self.rendered = rendered
        self.tokens = tokens
        self.order = order
        self.related = related
        self.level = level
    }

    /// Position of a split file's piece.
    /// The changed lines it holds: the predictor of how long the model's answer about it will be.
    package var weight: Int { hunks.reduce(0) { $0 + $1.changedLineCount } }

    package struct Part: Sendable, Hashable {
        package var index: Int
        package var count: Int
    }
}

/// One model request: several files or file parts within the budget.
package struct ReviewBatch: Sendable, Equatable {
    /// 1-based position in the plan.
    package var number: Int
    package var items: [BatchItem]
    package var messages: [ChatMessage]
    /// Prompt tokens as the model will count them, framing included.
    package var promptTokens: Int
    /// Tokens that are not diff: system prompt, framing, PR context.
    package var overheadTokens: Int
    /// `3` for a planned batch, `3.1`/`3.2` for its halves after a retry with a smaller batch.
    package var label: String

    /// Memberwise initialiser.
    package init(
        number: Int, items: [BatchItem], messages: [ChatMessage], promptTokens: Int, overheadTokens: Int,
        label: String? = nil
    ) {
        self.number = number
        self.items = items
        self.messages = messages
        self.promptTokens = promptTokens
        self.overheadTokens = overheadTokens
        self.label = label ?? String(number)
    }

    /// Distinct file paths in this batch.
    package var paths: [String] {
        var seen = Set<String>()
        return items.map(\.file.path).filter { seen.insert($0).inserted }
    }

    /// The changed lines the request holds, which predict the length (and so the time) of its answer.
    package var weight: Int { items.reduce(0) { $0 + $1.weight } }
}

/// The outcome of batching: the requests to make and everything left out, with reasons.
package struct BatchPlan: Sendable, Equatable {
    package var batches: [ReviewBatch]
    package var skipped: [SkippedFile]
    package var budget: ReviewBudget
    /// Name of the token counter used.
    package var counterName: String
    /// Tokens of the fixed part of every request (system prompt, instructions, examples, framing), set when it
    /// alone leaves no room for any diff: nothing can be reviewed until it shrinks.
    package var fixedOverBudget: Int?
    /// Files whose surrounding code or related declarations were cut to fit, with how.
    package var contextCuts: [ContextCut] = []

    /// Memberwise initialiser.
    package init(batches: [ReviewBatch], skipped: [SkippedFile], budget: ReviewBudget, counterName: String) {
        self.batches = batches
        self.skipped = skipped
        self.budget = budget
        self.counterName = counterName
    }

    /// An empty plan, before planning.
    package static func empty(counterName: String) -> BatchPlan {
        BatchPlan(
            batches: [], skipped: [], budget: ReviewBudget(promptTokens: 0, completionTokens: 0),
            counterName: counterName)
    }

    /// Prompt tokens across all batches.
    package var promptTokens: Int { batches.reduce(0) { $0 + $1.promptTokens } }
    /// Overhead tokens across all batches.
    package var overheadTokens: Int { batches.reduce(0) { $0 + $1.overheadTokens } }
    /// Distinct files with at least one batch.
    package var reviewedPaths: [String] {
        var seen = Set<String>()
        return batches.flatMap(\.paths).filter { seen.insert($0).inserted }
    }
}
