/// Everything about the chat model that review, audit and commands share: its limits, price and tokenizer
/// (``info``), the prompt and answer budget, and how to build a request for it.
///
/// One value per run, made once from the inputs; no stage reads the model's settings anywhere else.
package struct ModelProfile: Sendable, Equatable {
    /// The model (or deployment) name sent in requests.
    package var name: String
    /// Context window, output limit, encoding and price, with the input overrides applied.
    package var info: ModelInfo
    /// Prompt tokens per request and the answer reserve.
    package var budget: ReviewBudget
    /// `reasoning_effort`, sent only to reasoning models.
    package var reasoningEffort: String?

    /// `model-latency-seconds`, when set.
    package var latencySeconds: Double?
    /// `model-tokens-per-second`, when set.
    package var tokensPerSecond: Double?

    /// Seconds before the first answer token (an estimate, for the plan's expected time): `model-latency-seconds`,
    /// else 0.5 (3 for reasoning models).
    package var baseLatencySeconds: Double { latencySeconds ?? (isReasoning ? 3.0 : 0.5) }
    /// Answer tokens per second (an estimate, for the plan's expected time): `model-tokens-per-second`, else about
    /// 100 for gpt-4.1-mini (50 for reasoning models); `0` means the answer's length takes no time.
    package var outputTokensPerSecond: Double { tokensPerSecond ?? (isReasoning ? 50 : 100) }

    /// Sampling temperature of review and audit requests.
    package static let reviewTemperature = 0.2
    /// Sampling temperature of conversational answers.
    package static let conversationTemperature = 0.3
    /// Most completion tokens a conversational answer may use.
    package static let conversationCompletionCap = 4_096

    /// Looks `name` up in the catalog and applies the overrides.
    /// - Parameters:
    ///   - contextWindow: replaces the catalog's window (and caps the output at a quarter of it).
    ///   - maxPromptTokens: `0` derives the prompt budget from the model.
    package init(
        name: String, contextWindow: Int? = nil, inputPricePerMillion: Double? = nil,
        outputPricePerMillion: Double? = nil, maxPromptTokens: Int = 0, reasoningEffort: String? = nil,
        latencySeconds: Double? = nil, tokensPerSecond: Double? = nil
    ) {
        var info = ModelCatalog.info(for: name)
        if let contextWindow {
            info.contextWindow = contextWindow
            info.maxOutputTokens = min(info.maxOutputTokens, max(1_024, contextWindow / 4))
        }
        if let inputPricePerMillion { info.inputPricePerMillion = inputPricePerMillion }
        if let outputPricePerMillion { info.outputPricePerMillion = outputPricePerMillion }
        if contextWindow != nil || (inputPricePerMillion != nil && outputPricePerMillion != nil) { info.isKnown = true }
        self.name = name
        self.info = info
        self.budget = ReviewBudget.make(
            maxPromptTokens: maxPromptTokens, model: info, reasoning: ChatRequest.isReasoningModel(name))
        self.reasoningEffort = reasoningEffort
        self.latencySeconds = latencySeconds
        self.tokensPerSecond = tokensPerSecond
    }

    /// Whether the model reasons before answering (no `temperature`, `reasoning_effort` allowed).
    package var isReasoning: Bool { ChatRequest.isReasoningModel(name) }

    /// A warning when the model is not in the catalog, so its window is assumed and its price unknown.
    package var unknownModelWarning: Diagnostic? {
        guard !info.isKnown else { return nil }
        return .warning(
            "model `\(name)` is not in the catalog: assuming a \(Format.count(info.contextWindow))-token context and no price"
        )
    }

    /// A review or audit request: strict JSON schema, the full answer reserve.
    package func reviewRequest(_ messages: [ChatMessage], estimatedPromptTokens: Int? = nil) -> ChatRequest {
        var request = request(
            messages, maxCompletionTokens: budget.completionTokens, temperature: Self.reviewTemperature,
            schema: ReviewSchema.schema)
        request.estimatedPromptTokens = estimatedPromptTokens
        return request
    }

    /// A conversational request: free text, a short answer.
    package func conversationRequest(_ messages: [ChatMessage]) -> ChatRequest {
        request(
            messages, maxCompletionTokens: min(budget.completionTokens, Self.conversationCompletionCap),
            temperature: Self.conversationTemperature, schema: nil)
    }

    private func request(
        _ messages: [ChatMessage], maxCompletionTokens: Int, temperature: Double, schema: JSONValue?
    ) -> ChatRequest {
        ChatRequest(
            model: name, messages: messages, maxCompletionTokens: maxCompletionTokens,
            temperature: isReasoning ? nil : temperature, schema: schema,
            reasoningEffort: isReasoning ? reasoningEffort : nil)
    }
}
