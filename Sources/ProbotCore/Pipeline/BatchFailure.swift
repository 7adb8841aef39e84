/// Why one model request produced no review. Code matches on the case, never on the message.
package enum BatchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A single hunk is larger than the model's context window, so splitting cannot help.
    case hunkOverContextWindow(String)
    /// The request failed (HTTP error, network, retries exhausted); the error as the client described it.
    case requestFailed(String, status: Int? = nil)
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

    /// What may be said on the pull request: which kind of failure and the HTTP status, never a server's text
    /// (which can echo a request's headers); the details go to the masked log and job summary.
    package var publicDescription: String {
        switch self {
        case .hunkOverContextWindow: "a single hunk is over the model's context window"
        case .requestFailed(_, let status): "the model request failed" + (status.map { " (HTTP \($0))" } ?? "")
        case .refused: "the model refused to review it"
        case .unreadableAnswer: "the model's answer did not match the review schema"
        case .contentFiltered, .truncated, .heldBackByCostCap: description
        }
    }

    package var description: String {
        switch self {
        case .hunkOverContextWindow(let message): "a single hunk is over the model's context window (\(message))"
        case .requestFailed(let message, _): message
        case .refused(let refusal): "the model refused: \(refusal)"
        case .contentFiltered: "the answer was blocked by the provider's content filter"
        case .truncated(let tokens): "the answer was cut off at \(tokens) completion tokens (finish_reason: length)"
        case .unreadableAnswer(let problem): problem
        case .heldBackByCostCap(let cap): "not run: the max-cost-usd cap of \(Format.dollars(cap)) would be passed"
        }
    }
}
