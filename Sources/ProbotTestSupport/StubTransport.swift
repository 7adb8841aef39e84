import Foundation
package import ProbotServices
import Synchronization

/// A closure-backed ``HTTPTransport`` that records every request.
package final class StubTransport: HTTPTransport, Sendable {
    private let handler: @Sendable (TransportRequest) async throws -> TransportResponse
    private let recorded = Mutex<[TransportRequest]>([])

    /// Answers every request with `handler`.
    package init(_ handler: @escaping @Sendable (TransportRequest) async throws -> TransportResponse) {
        self.handler = handler
    }

    /// Requests received so far, in order.
    package var requests: [TransportRequest] { recorded.withLock { $0 } }

    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        recorded.withLock { $0.append(request) }
        return try await handler(request)
    }

    /// A JSON response.
    package static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> TransportResponse {
        TransportResponse(
            status: status, headers: headers.merging(["content-type": "application/json"]) { $1 }, body: Data(text.utf8)
        )
    }
}
