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

    /// Position of a split file's piece.
    package struct Part: Sendable, Equatable {
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

    /// Distinct file paths in this batch.
    package var paths: [String] {
        var seen = Set<String>()
        return items.map(\.file.path).filter { seen.insert($0).inserted }
    }
}

/// The outcome of batching: the requests to make and everything left out, with reasons.
package struct BatchPlan: Sendable, Equatable {
    package var batches: [ReviewBatch]
    package var skipped: [SkippedFile]
    package var budget: ReviewBudget
    /// Name of the token counter used.
    package var counterName: String

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
