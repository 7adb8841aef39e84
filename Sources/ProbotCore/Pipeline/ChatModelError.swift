/// Model failures the pipeline reacts to (adapters map their API's errors to these).
package enum ChatModelError: Error, Equatable, CustomStringConvertible {
    /// The prompt is longer than the model's context window: split the batch.
    case contextLengthExceeded(String)

    package var description: String {
        switch self {
        case .contextLengthExceeded(let message): "the prompt is over the model's context window: \(message)"
        }
    }
}
