/// Why a run fails the step. One enum for every mode, so the executable maps failures to an exit status in one
/// place and tests match cases, never messages.
package enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The workflow inputs are invalid (all problems listed).
    case invalidInputs(InputError)
    /// The repository's configuration file is invalid (all problems listed, with line and column).
    case invalidConfig(ConfigError)
    /// The event could not be read or lacks what the mode needs.
    case event(EventError)
    /// Every model request failed; nothing was reviewed.
    case everyRequestFailed(first: BatchFailure)
    /// The review could not be posted, not even with its comments in the body.
    case postingFailed(String)
    /// `fail-on` matched a posted finding: everything was written, but the step must fail.
    case failOn(Finding, FailLevel)
    /// `fail-on-error` is set and some model requests failed (the review was still posted).
    case partialFailure(failedRequests: Int, files: [String])
    /// The model returned no text for a comment command.
    case noAnswer(refusal: String?)
    /// `/review` or `/refactor` reached the command flow outside a review thread.
    case commandNeedsThread
    /// The fixed part of every request is over the prompt budget, so no diff fits: what to shrink is named.
    case fixedPromptOverBudget(tokens: Int, budget: Int)
    /// A service (GitHub, the model's API, the file system) failed before the run could finish.
    case service(String)

    /// Wraps any error: typed errors keep their case, others become ``service(_:)`` with their description.
    package init(_ error: any Error) {
        switch error {
        case let error as RunError: self = error
        case let error as InputError: self = .invalidInputs(error)
        case let error as EventError: self = .event(error)
        case let error as ConfigError: self = .invalidConfig(error)
        default: self = .service(String(describing: error))
        }
    }

    package var description: String {
        switch self {
        case .invalidInputs(let error): error.description
        case .invalidConfig(let error): error.description
        case .event(let error): error.description
        case .everyRequestFailed(let first): "every model request failed; first error: \(first)"
        case .postingFailed(let message): "could not post the review: \(message)"
        case .failOn(let finding, let level):
            "a \(finding.severity.rawValue) finding was posted (`fail-on: \(level.rawValue)`): \(finding.path):\(finding.line) \(finding.title)"
        case .partialFailure(let count, let files):
            "\(count) model request(s) failed (`fail-on-error: true`); not reviewed: \(files.joined(separator: ", "))"
        case .noAnswer(let refusal): "the model gave no answer" + (refusal.map { " (refused: \($0))" } ?? "")
        case .commandNeedsThread: "/review and /refactor answer in a review thread (a comment on a diff line)"
        case .fixedPromptOverBudget(let tokens, let budget):
            "the fixed part of every request (system prompt, `instructions`, the configuration's `instructions`, `examples-file` and framing) is \(tokens) tokens, over the \(budget)-token prompt budget, so nothing could be reviewed: shorten the instructions or the examples, or raise `max-prompt-tokens`"
        case .service(let message): message
        }
    }
}
