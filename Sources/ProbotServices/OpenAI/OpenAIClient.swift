package import Foundation
package import ProbotCore
import Synchronization

/// ``ChatModel`` over any Chat Completions endpoint: OpenAI, Azure OpenAI, GitHub Models, or a compatible server.
///
/// Servers that reject `max_completion_tokens`, `json_schema` or `json_object` are met with a fallback
/// (`max_tokens`; then JSON mode; then plain text with the schema in the prompt and a tolerant parse), chosen once
/// and remembered for the rest of the run.
package struct OpenAIClient: ChatModel {
    package var endpoint: ModelEndpoint
    package var transport: any HTTPTransport
    /// Seconds before a request is abandoned.
    package var timeout: TimeInterval
    /// Paces requests against the tokens-per-minute limit the API reports.
    package var pacer: (any TokenPacing)?
    private let compatibility = Compatibility()

    /// Memberwise initialiser.
    package init(
        endpoint: ModelEndpoint, transport: any HTTPTransport, timeout: TimeInterval = 180,
        pacer: (any TokenPacing)? = nil
    ) {
        self.endpoint = endpoint
        self.transport = transport
        self.timeout = timeout
        self.pacer = pacer
    }

    /// What the endpoint accepts, learnt from its 400s.
    package var mode: CompatibilityMode { compatibility.mode }

    package func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        while true {
            let mode = compatibility.mode
            var headers = ["Content-Type": "application/json", "Accept": "application/json"]
            headers.merge(endpoint.headers) { $1 }
            var request = request
            request.model = endpoint.model
            let body = try JSONEncoder().encode(ChatCompletionBody(request, mode: mode))
            // What OpenAI counts against tokens per minute: the prompt plus the completion limit.
            let cost = (request.estimatedPromptTokens ?? body.count / 4) + request.maxCompletionTokens
            try await pacer?.reserve(cost)
            let response: TransportResponse
            do {
                response = try await transport.send(
                    TransportRequest(
                        method: "POST", url: endpoint.url, headers: headers, body: body, timeout: timeout,
                        // The endpoint's authentication and account headers never follow a redirect elsewhere.
                        credentialHeaders: Set(endpoint.headers.keys)))
            } catch {
                pacer?.complete(cost, remaining: nil, resetIn: nil)
                throw error
            }
            pacer?.complete(
                cost, remaining: response.header("x-ratelimit-remaining-tokens").flatMap(Int.init),
                resetIn: response.header("x-ratelimit-reset-tokens").flatMap(GoDuration.parse))
            guard (200..<300).contains(response.status) else {
                let error = OpenAIAPIError(response: response)
                if error.isContextLengthExceeded { throw ChatModelError.contextLengthExceeded(error.message) }
                if let downgraded = mode.after(error), compatibility.downgrade(from: mode, to: downgraded) { continue }
                throw error
            }
            let decoded: ChatCompletionResponse
            do {
                decoded = try JSONDecoder().decode(ChatCompletionResponse.self, from: response.body)
            } catch {
                throw OpenAIAPIError(
                    status: response.status, message: "unreadable response: \(response.text.prefix(200))")
            }
            guard let choice = decoded.choices.first else {
                throw OpenAIAPIError(status: response.status, message: "the response has no choices")
            }
            return ChatCompletion(
                content: choice.message.content, refusal: choice.message.refusal, finishReason: choice.finishReason,
                usage: TokenUsage(
                    promptTokens: decoded.usage?.promptTokens ?? 0,
                    completionTokens: decoded.usage?.completionTokens ?? 0))
        }
    }

    /// Holds the mode; the first request to learn something downgrades it for every later request.
    private final class Compatibility: Sendable {
        private let state = Mutex(CompatibilityMode())
        var mode: CompatibilityMode { state.withLock { $0 } }

        /// Moves from `old` to `new` unless another request already moved on; `false` when nothing changed.
        func downgrade(from old: CompatibilityMode, to new: CompatibilityMode) -> Bool {
            state.withLock { current in
                if current == old {
                    current = new
                    return true
                }
                return current != old  // someone else already downgraded: retry with theirs
            }
        }
    }
}

/// How a server wants its token limit and structured output.
package struct CompatibilityMode: Sendable, Equatable {
    /// Send `max_tokens` instead of `max_completion_tokens`.
    package var legacyTokenLimit = false
    package var responseFormat: ResponseFormat = .jsonSchema

    /// Memberwise initialiser; the default is what OpenAI itself accepts.
    package init(legacyTokenLimit: Bool = false, responseFormat: ResponseFormat = .jsonSchema) {
        self.legacyTokenLimit = legacyTokenLimit
        self.responseFormat = responseFormat
    }

    /// The structured-output ladder, strictest first.
    package enum ResponseFormat: Int, Sendable, Comparable {
        case jsonSchema, jsonObject, text
        package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The next mode to try after `error`, or `nil` when the error is not about these parameters.
    func after(_ error: OpenAIAPIError) -> CompatibilityMode? {
        guard error.status == 400 || error.status == 422 else { return nil }
        let text = (error.message + " " + (error.code ?? "") + " " + (error.param ?? "")).lowercased()
        var next = self
        if !legacyTokenLimit && text.contains("max_completion_tokens") {
            next.legacyTokenLimit = true
            return next
        }
        if text.contains("response_format") || text.contains("json_schema") || text.contains("json_object") {
            switch responseFormat {
            case .jsonSchema: next.responseFormat = .jsonObject
            case .jsonObject: next.responseFormat = .text
            case .text: return nil
            }
            return next
        }
        return nil
    }
}

extension OpenAIAPIError {
    init(status: Int, message: String) {
        self.init(response: TransportResponse(status: status))
        self.message = message
    }
}

/// The request body (`CreateChatCompletionRequest`).
package struct ChatCompletionBody: Encodable, Sendable {
    package var model: String
    package var messages: [ChatMessage]
    package var maxTokens: Int
    package var legacyTokenLimit: Bool
    package var temperature: Double?
    package var reasoningEffort: String?
    package var responseFormat: JSONValue?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case maxCompletionTokens = "max_completion_tokens"
        case maxTokens = "max_tokens"
        case reasoningEffort = "reasoning_effort"
        case responseFormat = "response_format"
    }

    /// Maps a request. With a schema: `json_schema` (strict), or `json_object`, or plain text; below the strict
    /// level the schema is spelled out in the system message so the model still knows the shape.
    package init(_ request: ChatRequest, mode: CompatibilityMode = CompatibilityMode()) {
        model = request.model
        messages = request.messages
        maxTokens = request.maxCompletionTokens
        legacyTokenLimit = mode.legacyTokenLimit
        temperature = request.temperature
        reasoningEffort = request.reasoningEffort
        guard let schema = request.schema else { return }
        switch mode.responseFormat {
        case .jsonSchema:
            responseFormat = .object([
                "type": .string("json_schema"),
                "json_schema": .object(["name": .string(request.schemaName), "strict": .bool(true), "schema": schema]),
            ])
        case .jsonObject, .text:
            if mode.responseFormat == .jsonObject { responseFormat = .object(["type": .string("json_object")]) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let shape = (try? encoder.encode(schema)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let index = messages.firstIndex(where: { $0.role == "system" }) {
                messages[index].content +=
                    "\n\nReply with only a JSON object (no prose, no code fence) matching this JSON Schema:\n" + shape
            }
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encode(maxTokens, forKey: legacyTokenLimit ? .maxTokens : .maxCompletionTokens)
        try container.encodeIfPresent(temperature, forKey: .temperature)
        try container.encodeIfPresent(reasoningEffort, forKey: .reasoningEffort)
        try container.encodeIfPresent(responseFormat, forKey: .responseFormat)
    }
}

/// The parts of `CreateChatCompletionResponse` we read; every detail is optional.
struct ChatCompletionResponse: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
            var refusal: String?
        }
        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }
    struct Usage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }
    var choices: [Choice]
    var usage: Usage?
}
