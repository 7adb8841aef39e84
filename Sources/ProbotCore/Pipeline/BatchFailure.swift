/// Why one model request produced no review. Code matches on the case, never on the message.
package enum BatchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A single hunk is larger than the model's context window, so splitting cannot help.
    case hunkOverContextWindow(String)
    /// The request failed (HTTP error, network, retries exhausted); the error as the client described it.
    case requestFailed(String)
    /// The model refused under structured outputs.
    case refused(String)
    /// The provider's content filter blocked the answer.
    case contentFiltered
    /// The answer was cut off at the completion limit (`finish_reason: length`).
    case truncated(completionTokens: Int)
    /// The answer was not the JSON the schema asks for.
    case unreadableAnswer(String)
    /// Never sent: it could have passed the `max-cost-usd` cap.
    case heldBackByCostCap(capUSD: Double)

    package var description: String {
        switch self {
        case .hunkOverContextWindow(let message): "a single hunk is over the model's context window (\(message))"
        case .requestFailed(let message): message
        case .refused(let refusal): "the model refused: \(refusal)"
        case .contentFiltered: "the answer was blocked by the provider's content filter"
        case .truncated(let tokens): "the answer was cut off at \(tokens) completion tokens (finish_reason: length)"
        case .unreadableAnswer(let problem): problem
        case .heldBackByCostCap(let cap): "not run: the max-cost-usd cap of \(Format.dollars(cap)) would be passed"
        }
    }
}
