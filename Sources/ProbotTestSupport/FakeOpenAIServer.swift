package import Foundation
import Synchronization

/// A loopback OpenAI Chat Completions endpoint that checks requests the way the real API does and answers from
/// a script.
///
/// It rejects a missing or wrong key (401 `invalid_api_key`), the deprecated `max_tokens` (400
/// `unsupported_parameter`), a malformed `messages` array, and a `json_schema` that breaks strict-mode rules
/// (every object needs `additionalProperties: false` and every property in `required`).
package final class FakeOpenAIServer: Sendable {
    /// One request as the script sees it.
    package struct Call: Sendable {
        package var model: String
        package var messages: [(role: String, content: String)]
        package var maxCompletionTokens: Int?
        package var temperature: Double?
        package var responseFormatType: String?

        /// The user message(s) joined.
        package var userText: String { messages.filter { $0.role == "user" }.map(\.content).joined(separator: "\n") }

        /// Paths named by `### File:` headers in the prompt.
        package var filePaths: [String] {
            userText.split(separator: "\n").compactMap { line in
                guard line.hasPrefix("### File: ") else { return nil }
                let rest = line.dropFirst("### File: ".count)
                return String(rest.split(separator: " (").first ?? rest)
            }
        }
    }

    /// What the script answers.
    package enum Answer: Sendable {
        /// A normal completion with this content.
        case content(String, promptTokens: Int? = nil, completionTokens: Int = 50)
        /// A structured-output refusal.
        case refusal(String)
        /// A completion cut off by `max_completion_tokens`.
        case truncated(String)
        /// An error status with OpenAI's envelope.
        case error(status: Int, code: String?, message: String, headers: [String: String] = [:])
    }

    /// How a provider shapes the URL and authentication.
    package enum Route: Sendable {
        /// `POST /v1/chat/completions`, `Authorization: Bearer <key>`.
        case openAI
        /// `POST /openai/deployments/<deployment>/chat/completions?api-version=<version>`, header `api-key`.
        case azure(deployment: String, apiVersion: String)
        /// `POST /inference/chat/completions`, `Authorization: Bearer <GitHub token>`.
        case githubModels
        /// `POST /v1/chat/completions`, no key, with the gaps of local servers.
        case compatible(rejects: Set<String>)
    }

    private let route: Route
    /// Real time each answer takes, from its prompt and completion tokens (benchmarks; tests leave it `nil`).
    private let latency: (@Sendable (_ promptTokens: Int, _ completionTokens: Int) -> Duration)?
    private let latencies = Mutex<[Duration]>([])
    private let timingLog = Mutex<[Timing]>([])
    private let script: @Sendable (Call) -> Answer
    private let received = Mutex<[ReceivedRequest]>([])
    /// Prompts longer than this many characters get 400 `context_length_exceeded`, like a small context window.
    private let contextLimitCharacters: Int?
    private let server = Mutex<LoopbackServer?>(nil)
    private let recorded = Mutex<[Call]>([])
    private let rawBodies = Mutex<[Data]>([])
    private let rejectedRequests = Mutex<[String]>([])
    package let apiKey: String

    private init(
        apiKey: String, route: Route, contextLimitCharacters: Int?,
        latency: (@Sendable (Int, Int) -> Duration)?, script: @escaping @Sendable (Call) -> Answer
    ) {
        self.apiKey = apiKey
        self.route = route
        self.latency = latency
        self.contextLimitCharacters = contextLimitCharacters
        self.script = script
    }

    /// The key the fake accepts unless told otherwise.
    package static let defaultKey = "sk-test-secret-key-0123456789"

    /// Starts the server.
    package static func start(
        apiKey: String = defaultKey, route: Route = .openAI, contextLimitCharacters: Int? = nil,
        latency: (@Sendable (_ promptTokens: Int, _ completionTokens: Int) -> Duration)? = nil,
        script: @escaping @Sendable (Call) -> Answer
    ) async throws -> FakeOpenAIServer {
        let fake = FakeOpenAIServer(
            apiKey: apiKey, route: route, contextLimitCharacters: contextLimitCharacters, latency: latency,
            script: script)
        let server = try await LoopbackServer.start { [fake] request in
            let reply = fake.handle(request)
            if let latency = fake.latency, reply.status == 200,
                let usage = (try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["usage"]
                    as? [String: Any]
            {
                let wait = latency(usage["prompt_tokens"] as? Int ?? 0, usage["completion_tokens"] as? Int ?? 0)
                fake.latencies.withLock { $0.append(wait) }
                let format = (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any])?[
                    "response_format"]
                fake.timingLog.withLock {
                    $0.append(
                        Timing(
                            receivedAt: request.receivedAt, latency: wait, structured: format != nil,
                            completionTokens: usage["completion_tokens"] as? Int ?? 0))
                }
                try? await Task.sleep(for: wait)
            }
            return reply
        }
        fake.server.withLock { $0 = server }
        return fake
    }

    /// `http://127.0.0.1:<port>/v1`, the value for `openai-base-url`.
    package var baseURL: URL { root.appendingPathComponent("v1") }

    /// `http://127.0.0.1:<port>`, the value for `azure-endpoint`.
    package var root: URL { server.withLock { $0?.baseURL } ?? URL(fileURLWithPath: "/") }

    /// Every request received, valid or not, with its path, query and headers.
    package var requests: [ReceivedRequest] { received.withLock { $0 } }

    /// Stops the server.
    package func stop() async {
        let server = self.server.withLock { $0 }
        await server?.stop()
    }

    /// When an answered request arrived and how long its answer took (benchmarks, with a latency model).
    package struct Timing: Sendable {
        package var receivedAt: ContinuousClock.Instant
        package var latency: Duration
        /// Whether it asked for structured output (a review) rather than prose (the summary).
        package var structured: Bool
        package var completionTokens: Int

        /// When its answer was sent.
        package var answeredAt: ContinuousClock.Instant { receivedAt + latency }
    }

    /// Every answered request's timing, in the order the answers were sent, when a latency model is set.
    package var timings: [Timing] { timingLog.withLock { $0 } }

    /// The latency of every answered request, when a latency model is set.
    package var answeredLatencies: [Duration] { latencies.withLock { $0 } }

    /// Valid requests answered by the script.
    package var calls: [Call] { recorded.withLock { $0 } }
    /// Raw bodies of every request, valid or not.
    package var bodies: [Data] { rawBodies.withLock { $0 } }
    /// Why requests were rejected before reaching the script.
    package var rejections: [String] { rejectedRequests.withLock { $0 } }

    private func handle(_ request: ReceivedRequest) -> Reply {
        rawBodies.withLock { $0.append(request.body) }
        received.withLock { $0.append(request) }
        let path: String
        var rejects: Set<String> = []
        switch route {
        case .openAI, .compatible: path = "/v1/chat/completions"
        case .azure(let deployment, _): path = "/openai/deployments/\(deployment)/chat/completions"
        case .githubModels: path = "/inference/chat/completions"
        }
        guard request.method == "POST", request.path == path else {
            if case .azure = route {
                return .json(
                    404,
                    [
                        "error": [
                            "code": "DeploymentNotFound",
                            "message": "The API deployment for this resource does not exist.",
                        ]
                    ])
            }
            return reject(404, code: "unknown_url", "Unknown request URL: \(request.method) \(request.path).")
        }
        switch route {
        case .openAI, .githubModels:
            guard request.headers["authorization"] == "Bearer \(apiKey)" else {
                return reject(401, code: "invalid_api_key", "Incorrect API key provided.")
            }
        case .azure(_, let apiVersion):
            guard request.headers["api-key"] == apiKey else {
                return .json(
                    401,
                    [
                        "error": [
                            "code": "401",
                            "message": "Access denied due to invalid subscription key or wrong API endpoint.",
                        ]
                    ])
            }
            guard request.query["api-version"] == apiVersion else {
                return .json(404, ["error": ["code": "404", "message": "Resource not found"]])
            }
        case .compatible(let gaps):
            rejects = gaps
        }
        guard let json = request.json as? [String: Any] else {
            return reject(400, code: nil, "We could not parse the JSON body of your request.")
        }
        if rejects.contains("max_completion_tokens"), json["max_completion_tokens"] != nil {
            return reject(400, code: nil, "Unrecognized request argument supplied: max_completion_tokens")
        }
        if let format = (json["response_format"] as? [String: Any])?["type"] as? String, rejects.contains(format) {
            rejectedRequests.withLock { $0.append("response_format \(format)") }
            return .json(400, ["error": "'response_format.type' must be 'text'"])
        }
        var legacyAllowed = false
        if case .compatible = route { legacyAllowed = true }
        switch validate(json, legacyAllowed: legacyAllowed) {
        case .failure(let problem): return reject(400, code: problem.code, problem.message, param: problem.param)
        case .success(let call):
            let size = call.messages.reduce(0) { $0 + $1.content.count }
            if let limit = contextLimitCharacters, size > limit {
                return reject(
                    400, code: "context_length_exceeded",
                    "This model's maximum context length is \(limit / 4) tokens. However, your messages resulted in \(size / 4) tokens. Please reduce the length of the messages.",
                    param: "messages")
            }
            recorded.withLock { $0.append(call) }
            return answer(script(call), call: call)
        }
    }

    private func reject(_ status: Int, code: String?, _ message: String, param: String? = nil) -> Reply {
        rejectedRequests.withLock { $0.append(message) }
        return .json(
            status,
            [
                "error": [
                    "message": message, "type": "invalid_request_error", "param": param as Any? ?? NSNull(),
                    "code": code as Any? ?? NSNull(),
                ]
            ])
    }

    private func answer(_ answer: Answer, call: Call) -> Reply {
        let promptEstimate = call.messages.reduce(0) { $0 + $1.content.utf8.count / 4 + 3 } + 3
        func completion(content: Any, refusal: Any, finish: String, prompt: Int, completion: Int) -> Reply {
            .json(
                200,
                [
                    "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_764_000_000, "model": call.model,
                    "choices": [
                        [
                            "index": 0, "message": ["role": "assistant", "content": content, "refusal": refusal],
                            "finish_reason": finish, "logprobs": NSNull(),
                        ]
                    ],
                    "usage": [
                        "prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                    ],
                ],
                headers: ["x-request-id": "req_fake", "x-ratelimit-remaining-tokens": "100000"])
        }
        switch answer {
        case .content(let text, let prompt, let completionTokens):
            return completion(
                content: text, refusal: NSNull(), finish: "stop", prompt: prompt ?? promptEstimate,
                completion: completionTokens)
        case .refusal(let text):
            return completion(content: NSNull(), refusal: text, finish: "stop", prompt: promptEstimate, completion: 10)
        case .truncated(let text):
            return completion(
                content: text, refusal: NSNull(), finish: "length", prompt: promptEstimate,
                completion: call.maxCompletionTokens ?? 0)
        case .error(let status, let code, let message, let headers):
            return .json(
                status,
                [
                    "error": [
                        "message": message, "type": "invalid_request_error", "param": NSNull(),
                        "code": code as Any? ?? NSNull(),
                    ]
                ],
                headers: headers)
        }
    }
}
