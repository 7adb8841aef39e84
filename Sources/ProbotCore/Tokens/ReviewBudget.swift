/// The token budget of one model request.
///
/// The prompt (system prompt, framing and diff) must fit `promptTokens`; `completionTokens` are reserved for the
/// answer and sent as `max_completion_tokens`; together they never exceed the model's context window.
package struct ReviewBudget: Sendable, Equatable {
    /// Most prompt tokens per request, framing included.
    package var promptTokens: Int
    /// Tokens reserved for the answer.
    package var completionTokens: Int

    /// Smallest prompt budget that leaves room for the instructions and a hunk.
    package static let minimumPromptTokens = 1_000
    /// Default cap on the derived prompt budget: large enough to batch, small enough to keep attention sharp.
    package static let defaultPromptCap = 24_000
    /// Default completion reserve.
    package static let defaultCompletionTokens = 4_096
    /// Completion reserve for reasoning models, whose `max_completion_tokens` also pays for hidden reasoning.
    package static let reasoningCompletionTokens = 16_384

    /// Memberwise initialiser.
    package init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// Derives the budget from `max-prompt-tokens` (0 = derive) and the model's limits.
    package static func make(maxPromptTokens: Int, model: ModelInfo, reasoning: Bool = false) -> ReviewBudget {
        let completion = min(reasoning ? reasoningCompletionTokens : defaultCompletionTokens, model.maxOutputTokens)
        let room = max(minimumPromptTokens, model.contextWindow - completion)
        let prompt = maxPromptTokens > 0 ? min(maxPromptTokens, room) : min(defaultPromptCap, room)
        return ReviewBudget(promptTokens: prompt, completionTokens: completion)
    }
}
