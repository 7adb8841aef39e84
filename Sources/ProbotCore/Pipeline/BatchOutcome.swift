/// What one model request produced.
package struct BatchOutcome: Sendable, Equatable {
    package var batch: ReviewBatch
    package var result: Result
    /// Tokens billed (zero when the request failed before an answer).
    package var usage: TokenUsage
    /// Wall time of the request, retries included.
    package var duration: Duration

    /// Memberwise initialiser.
    package init(batch: ReviewBatch, result: Result, usage: TokenUsage, duration: Duration) {
        self.batch = batch
        self.result = result
        self.usage = usage
        self.duration = duration
    }

    /// Success with the parsed review, or a typed failure.
    package enum Result: Sendable, Equatable {
        case reviewed(ModelReview)
        case failed(BatchFailure)
    }

    /// The review when the batch succeeded.
    package var review: ModelReview? {
        if case .reviewed(let review) = result { return review }
        return nil
    }

    /// The failure when the batch did not succeed.
    package var failure: BatchFailure? {
        if case .failed(let failure) = result { return failure }
        return nil
    }

    /// Whether the batch was never sent because ``CostGate`` held it back (not a failure of the model).
    package var heldBackByCostCap: Bool {
        if case .heldBackByCostCap = failure { return true }
        return false
    }
}
