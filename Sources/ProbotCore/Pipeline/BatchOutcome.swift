/// What one model request produced.
package struct BatchOutcome: Sendable, Equatable {
    package var batch: ReviewBatch
    package var result: Result
    /// Tokens billed (zero when the request failed before an answer).
    package var usage: TokenUsage
    /// Wall time of the request, retries included.
    package var duration: Duration

    /// Success with the parsed review, or failure with a human reason.
    package enum Result: Sendable, Equatable {
        case reviewed(ModelReview)
        case failed(String)
    }

    /// The review when the batch succeeded.
    package var review: ModelReview? {
        if case .reviewed(let review) = result { return review }
        return nil
    }

    /// Whether the batch was never sent because ``CostGate`` held it back (not a failure of the model).
    package var heldBackByCostCap: Bool {
        if case .failed(let why) = result { return why.hasPrefix(CostGate.refusalPrefix) }
        return false
    }
}
