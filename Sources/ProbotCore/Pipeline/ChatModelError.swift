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

/// An error that carries the HTTP status a server answered, which may be shown where the server's text may not.
package protocol HTTPStatusError: Error {
    /// The HTTP status code.
    var status: Int { get }
}
