package import ProbotCore
import Synchronization

/// A ``ChatModel`` answering from a closure, recording the requests.
package final class ScriptedChatModel: ChatModel, Sendable {
    private let script: @Sendable (ChatRequest) async throws -> ChatCompletion
    private let recorded = Mutex<[ChatRequest]>([])

    /// Answers with `script`.
    package init(_ script: @escaping @Sendable (ChatRequest) async throws -> ChatCompletion) {
        self.script = script
    }

    /// Requests received so far.
    package var requests: [ChatRequest] { recorded.withLock { $0 } }

    package func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        recorded.withLock { $0.append(request) }
        return try await script(request)
    }
}

extension ScriptedChatModel {
    /// A model for runs that must never ask it (dry runs, planning only): any request is a failure to record.
    package static var neverAsked: ScriptedChatModel {
        ScriptedChatModel { _ in throw NeverAsked() }
    }

    /// Thrown when a model that must not be asked is asked.
    package struct NeverAsked: Error {}
}
