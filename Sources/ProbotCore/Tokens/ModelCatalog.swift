/// What ChatGPT Probot knows about a chat model: limits, tokenizer and price.
package struct ModelInfo: Sendable, Equatable {
    /// Tokens of prompt plus completion the model accepts.
    package var contextWindow: Int
    /// Most completion tokens per response.
    package var maxOutputTokens: Int
    /// tiktoken encoding name.
    package var encoding: String
    /// US dollars per million input tokens; `nil` when unknown.
    package var inputPricePerMillion: Double?
    /// US dollars per million output tokens; `nil` when unknown.
    package var outputPricePerMillion: Double?
    /// Whether the model is known (a catalog entry) rather than assumed.
    package var isKnown: Bool

    /// Memberwise initialiser.
    package init(
        contextWindow: Int, maxOutputTokens: Int, encoding: String, inputPricePerMillion: Double?,
        outputPricePerMillion: Double?, isKnown: Bool = true
    ) {
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.encoding = encoding
        self.inputPricePerMillion = inputPricePerMillion
        self.outputPricePerMillion = outputPricePerMillion
        self.isKnown = isKnown
    }

    /// Estimated cost in US dollars, or `nil` when the price is unknown.
    package func cost(promptTokens: Int, completionTokens: Int) -> Double? {
        guard let input = inputPricePerMillion, let output = outputPricePerMillion else { return nil }
        return (Double(promptTokens) * input + Double(completionTokens) * output) / 1_000_000
    }
}

/// Known models by longest matching name prefix, with prices from OpenAI's pricing page (standard tier).
package enum ModelCatalog {
    private static let entries: [(prefix: String, info: ModelInfo)] = [
        (
            "gpt-4.1-nano",
            ModelInfo(
                contextWindow: 1_047_576, maxOutputTokens: 32_768, encoding: "o200k_base", inputPricePerMillion: 0.10,
                outputPricePerMillion: 0.40)
        ),
        (
            "gpt-4.1-mini",
            ModelInfo(
                contextWindow: 1_047_576, maxOutputTokens: 32_768, encoding: "o200k_base", inputPricePerMillion: 0.40,
                outputPricePerMillion: 1.60)
        ),
        (
            "gpt-4.1",
            ModelInfo(
                contextWindow: 1_047_576, maxOutputTokens: 32_768, encoding: "o200k_base", inputPricePerMillion: 2.00,
                outputPricePerMillion: 8.00)
        ),
        (
            "gpt-4o-mini",
            ModelInfo(
                contextWindow: 128_000, maxOutputTokens: 16_384, encoding: "o200k_base", inputPricePerMillion: 0.15,
                outputPricePerMillion: 0.60)
        ),
        (
            "gpt-4o",
            ModelInfo(
                contextWindow: 128_000, maxOutputTokens: 16_384, encoding: "o200k_base", inputPricePerMillion: 2.50,
                outputPricePerMillion: 10.00)
        ),
        (
            "chatgpt-4o",
            ModelInfo(
                contextWindow: 128_000, maxOutputTokens: 16_384, encoding: "o200k_base", inputPricePerMillion: 5.00,
                outputPricePerMillion: 15.00)
        ),
        (
            "gpt-5-nano",
            ModelInfo(
                contextWindow: 400_000, maxOutputTokens: 128_000, encoding: "o200k_base", inputPricePerMillion: 0.05,
                outputPricePerMillion: 0.40)
        ),
        (
            "gpt-5-mini",
            ModelInfo(
                contextWindow: 400_000, maxOutputTokens: 128_000, encoding: "o200k_base", inputPricePerMillion: 0.25,
                outputPricePerMillion: 2.00)
        ),
        (
            "gpt-5",
            ModelInfo(
                contextWindow: 400_000, maxOutputTokens: 128_000, encoding: "o200k_base", inputPricePerMillion: 1.25,
                outputPricePerMillion: 10.00)
        ),
        (
            "o4-mini",
            ModelInfo(
                contextWindow: 200_000, maxOutputTokens: 100_000, encoding: "o200k_base", inputPricePerMillion: 1.10,
                outputPricePerMillion: 4.40)
        ),
        (
            "o3-mini",
            ModelInfo(
                contextWindow: 200_000, maxOutputTokens: 100_000, encoding: "o200k_base", inputPricePerMillion: 1.10,
                outputPricePerMillion: 4.40)
        ),
        (
            "o3",
            ModelInfo(
                contextWindow: 200_000, maxOutputTokens: 100_000, encoding: "o200k_base", inputPricePerMillion: 2.00,
                outputPricePerMillion: 8.00)
        ),
        (
            "o1-mini",
            ModelInfo(
                contextWindow: 128_000, maxOutputTokens: 65_536, encoding: "o200k_base", inputPricePerMillion: 1.10,
                outputPricePerMillion: 4.40)
        ),
        (
            "o1",
            ModelInfo(
                contextWindow: 200_000, maxOutputTokens: 100_000, encoding: "o200k_base", inputPricePerMillion: 15.00,
                outputPricePerMillion: 60.00)
        ),
        (
            "gpt-4-turbo",
            ModelInfo(
                contextWindow: 128_000, maxOutputTokens: 4_096, encoding: "cl100k_base", inputPricePerMillion: 10.00,
                outputPricePerMillion: 30.00)
        ),
        (
            "gpt-4",
            ModelInfo(
                contextWindow: 8_192, maxOutputTokens: 8_192, encoding: "cl100k_base", inputPricePerMillion: 30.00,
                outputPricePerMillion: 60.00)
        ),
        (
            "gpt-3.5-turbo",
            ModelInfo(
                contextWindow: 16_385, maxOutputTokens: 4_096, encoding: "cl100k_base", inputPricePerMillion: 0.50,
                outputPricePerMillion: 1.50)
        ),
        (
            "gpt-35-turbo",
            ModelInfo(
                contextWindow: 16_385, maxOutputTokens: 4_096, encoding: "cl100k_base", inputPricePerMillion: 0.50,
                outputPricePerMillion: 1.50)
        ),
    ]

    /// Assumed for models the catalog does not know: a 128k window, no price.
    package static let unknownModel = ModelInfo(
        contextWindow: 128_000, maxOutputTokens: 16_384, encoding: "o200k_base", inputPricePerMillion: nil,
        outputPricePerMillion: nil, isKnown: false)

    /// The entry whose prefix is the longest match of `model` (after any `provider/` prefix), else ``unknownModel``.
    package static func info(for model: String) -> ModelInfo {
        let name = model.lowercased().split(separator: "/").last.map(String.init) ?? model.lowercased()
        let match = entries.filter { name.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
        return match?.info ?? unknownModel
    }
}
