import FlyingFox
import FlyingSocks
package import Foundation

/// A request as a fake server sees it, with our own names (FlyingFox's `HTTPRequest` stays internal here).
package struct ReceivedRequest: Sendable {
    package var method: String
    /// Path without the query.
    package var path: String
    package var query: [String: String]
    /// Header names lower-cased.
    package var headers: [String: String]
    package var body: Data
    /// When the request arrived.
    package var receivedAt: ContinuousClock.Instant = .now

    /// The body decoded as JSON, or `nil`.
    package var json: Any? { try? JSONSerialization.jsonObject(with: body) }
}

/// A reply from a fake server.
package struct Reply: Sendable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data

    /// Memberwise initialiser.
    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON reply from a JSON-compatible value.
    package static func json(_ status: Int, _ value: Any, headers: [String: String] = [:]) -> Reply {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
        return Reply(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: data)
    }
}

/// An HTTP server on 127.0.0.1 with an ephemeral port, answering every request with one closure.
///
/// Binds IPv4: FoundationNetworking rejects `http://[::1]:port` URLs on Linux.
package final class LoopbackServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    /// `http://127.0.0.1:<port>`.
    package let baseURL: URL

    private struct Handler: HTTPHandler {
        let respond: @Sendable (ReceivedRequest) async -> Reply

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            let received = ReceivedRequest(
                method: request.method.rawValue, path: request.path, query: query, headers: headers,
                body: try await request.bodyData)
            let reply = await respond(received)
            var responseHeaders = HTTPHeaders()
            for (name, value) in reply.headers { responseHeaders[HTTPHeader(name)] = value }
            return HTTPResponse(
                statusCode: HTTPStatusCode(reply.status, phrase: Self.phrase(reply.status)), headers: responseHeaders,
                body: reply.body)
        }

        static func phrase(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 201: "Created"
            case 400: "Bad Request"
            case 401: "Unauthorized"
            case 403: "Forbidden"
            case 404: "Not Found"
            case 422: "Unprocessable Entity"
            case 429: "Too Many Requests"
            case 500: "Internal Server Error"
            default: "Status"
            }
        }
    }

    private init(server: HTTPServer, task: Task<Void, any Error>, baseURL: URL) {
        self.server = server
        self.task = task
        self.baseURL = baseURL
    }

    /// Starts listening and returns once the port is known.
    package static func start(_ respond: @escaping @Sendable (ReceivedRequest) async -> Reply) async throws
        -> LoopbackServer
    {
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled,
            handler: Handler(respond: respond))
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress, let url = URL(string: "http://127.0.0.1:\(port)")
        else {
            task.cancel()
            throw URLError(.cannotConnectToHost)
        }
        return LoopbackServer(server: server, task: task, baseURL: url)
    }

    /// Stops the server.
    package func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}
