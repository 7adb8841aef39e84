import Synchronization

/// Stops starting requests before a run could spend more than `max-cost-usd`.
///
/// Each request reserves its worst case (all its prompt tokens plus the full answer reserve) before it starts and
/// settles to what the API billed when it ends, so concurrent requests never overshoot the cap together.
package final class CostGate: Sendable {
    private let cap: Double
    private let model: ModelInfo
    private let completionReserve: Int
    private let state = Mutex<(spent: Double, reserved: Double)>((0, 0))

    /// A gate for `capUSD`; `nil` when the cap is off or the model's price is unknown.
    package init?(capUSD: Double, model: ModelInfo, completionReserve: Int) {
        guard capUSD > 0, model.inputPricePerMillion != nil, model.outputPricePerMillion != nil else { return nil }
        self.cap = capUSD
        self.model = model
        self.completionReserve = completionReserve
    }

    private func worstCase(_ batch: ReviewBatch) -> Double {
        model.cost(promptTokens: batch.promptTokens, completionTokens: completionReserve) ?? 0
    }

    /// Reserves the batch's worst case; `false` when that would pass the cap.
    package func admit(_ batch: ReviewBatch) -> Bool {
        let cost = worstCase(batch)
        return state.withLock { state in
            guard state.spent + state.reserved + cost <= cap else { return false }
            state.reserved += cost
            return true
        }
    }

    /// Replaces the batch's reservation with what it cost.
    package func settle(_ batch: ReviewBatch, usage: TokenUsage) {
        let actual = model.cost(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens) ?? 0
        let reservation = worstCase(batch)
        state.withLock { state in
            state.reserved -= reservation
            state.spent += actual
        }
    }

    /// US dollars billed so far.
    package var spent: Double { state.withLock { $0.spent } }

    /// The failure recorded for batches the gate held back.
    package var refusal: BatchFailure { .heldBackByCostCap(capUSD: cap) }
}
