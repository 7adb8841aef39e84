/// A chat completion request, independent of the wire format.
package struct ChatRequest: Sendable, Equatable {
    package var model: String
    package var messages: [ChatMessage]
    /// Sent as `max_completion_tokens`.
    package var maxCompletionTokens: Int
    /// Omitted for reasoning models, which reject non-default sampling.
    package var temperature: Double?
    /// Strict JSON schema for structured output, or `nil` for free text.
    package var schema: JSONValue?
    /// Name of `schema`.
    package var schemaName: String
    /// `reasoning_effort` for reasoning models, when set.
    package var reasoningEffort: String?
    /// Prompt tokens as counted when planning, for rate-limit pacing.
    package var estimatedPromptTokens: Int?

    /// Memberwise initialiser.
    package init(
        model: String, messages: [ChatMessage], maxCompletionTokens: Int, temperature: Double? = nil,
        schema: JSONValue? = nil, schemaName: String = ReviewSchema.name, reasoningEffort: String? = nil
    ) {
        self.model = model
        self.messages = messages
        self.maxCompletionTokens = maxCompletionTokens
        self.temperature = temperature
        self.schema = schema
        self.schemaName = schemaName
        self.reasoningEffort = reasoningEffort
    }

    /// Whether `model` is a reasoning model (o-series, gpt-5) that rejects `temperature`.
    package static func isReasoningModel(_ model: String) -> Bool {
        let name = model.lowercased().split(separator: "/").last.map(String.init) ?? model.lowercased()
        return name.hasPrefix("o1") || name.hasPrefix("o3") || name.hasPrefix("o4") || name.hasPrefix("gpt-5")
    }
}

/// The first choice of a completion, with billing.
package struct ChatCompletion: Sendable, Equatable {
    /// The text, or `nil` on a refusal.
    package var content: String?
    /// The model's refusal text under structured outputs.
    package var refusal: String?
    /// `stop`, `length`, `content_filter`, …
    package var finishReason: String?
    package var usage: TokenUsage

    /// Memberwise initialiser.
    package init(content: String?, refusal: String? = nil, finishReason: String? = "stop", usage: TokenUsage) {
        self.content = content
        self.refusal = refusal
        self.finishReason = finishReason
        self.usage = usage
    }
}

/// Tokens billed for requests.
package struct TokenUsage: Sendable, Equatable {
    package var promptTokens: Int
    package var completionTokens: Int

    /// Memberwise initialiser.
    package init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// No tokens.
    package static let zero = TokenUsage(promptTokens: 0, completionTokens: 0)

    package static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens)
    }
}
