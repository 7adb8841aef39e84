package import Foundation
package import ProbotCore

/// ``ChatModel`` over an OpenAI-compatible Chat Completions endpoint.
package struct OpenAIClient: ChatModel {
    /// Up to and including `/v1`, e.g. `https://api.openai.com/v1`.
    package var baseURL: URL
    package var apiKey: String?
    package var transport: any HTTPTransport
    /// Seconds before a request is abandoned.
    package var timeout: TimeInterval

    /// Memberwise initialiser.
    package init(baseURL: URL, apiKey: String?, transport: any HTTPTransport, timeout: TimeInterval = 180) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.transport = transport
        self.timeout = timeout
    }

    /// `{base}/chat/completions`.
    package var endpoint: URL {
        baseURL.appendingAPIPath("/chat/completions")
    }

    package func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        let body = try JSONEncoder().encode(ChatCompletionBody(request))
        let response = try await transport.send(
            TransportRequest(method: "POST", url: endpoint, headers: headers, body: body, timeout: timeout))
        guard (200..<300).contains(response.status) else {
            let error = OpenAIAPIError(response: response)
            if error.isContextLengthExceeded { throw ChatModelError.contextLengthExceeded(error.message) }
            throw error
        }
        let decoded: ChatCompletionResponse
        do {
            decoded = try JSONDecoder().decode(ChatCompletionResponse.self, from: response.body)
        } catch {
            throw OpenAIAPIError(status: response.status, message: "unreadable response: \(response.text.prefix(200))")
        }
        guard let choice = decoded.choices.first else {
            throw OpenAIAPIError(status: response.status, message: "the response has no choices")
        }
        return ChatCompletion(
            content: choice.message.content, refusal: choice.message.refusal, finishReason: choice.finishReason,
            usage: TokenUsage(
                promptTokens: decoded.usage?.promptTokens ?? 0, completionTokens: decoded.usage?.completionTokens ?? 0))
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
    package var maxCompletionTokens: Int
    package var temperature: Double?
    package var responseFormat: JSONValue?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case maxCompletionTokens = "max_completion_tokens"
        case responseFormat = "response_format"
    }

    /// Maps a request; a schema becomes `response_format: {type: json_schema, strict: true}`.
    package init(_ request: ChatRequest) {
        model = request.model
        messages = request.messages
        maxCompletionTokens = request.maxCompletionTokens
        temperature = request.temperature
        responseFormat = request.schema.map { schema in
            .object([
                "type": .string("json_schema"),
                "json_schema": .object([
                    "name": .string(request.schemaName), "strict": .bool(true), "schema": schema,
                ]),
            ])
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encode(maxCompletionTokens, forKey: .maxCompletionTokens)
        try container.encodeIfPresent(temperature, forKey: .temperature)
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
