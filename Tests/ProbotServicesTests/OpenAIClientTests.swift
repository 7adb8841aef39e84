import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

struct OpenAIClientTests {
    static let request = ChatRequest(
        model: "gpt-4.1-mini",
        messages: [.system("You review code."), .user("Review this diff:\n+1: let x = 1")],
        maxCompletionTokens: 4096, temperature: 0.2, schema: ReviewSchema.schema)

    static let okBody =
        #"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4.1-mini","choices":[{"index":0,"message":{"role":"assistant","content":"{\"summary\":\"s\",\"findings\":[]}","refusal":null},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,"prompt_tokens_details":{"cached_tokens":0}}}"#

    static func endpoint(_ base: String, key: String?) -> ModelEndpoint {
        ModelEndpoint.resolve(ProbotInputs(openAIAPIKey: key, openAIBaseURL: URL(string: base)))
    }

    /// The request body we send is pinned by a golden file, which `.ci/run` also validates against OpenAI's
    /// published `CreateChatCompletionRequest` schema (`../shared/contracts`).
    @Test func requestBodyMatchesTheGoldenFile() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let body = try encoder.encode(ChatCompletionBody(Self.request))
        let golden = try Fixture.data("openai-request.json", in: .module)
        let actual = try JSONSerialization.jsonObject(with: body) as? NSDictionary
        let expected = try JSONSerialization.jsonObject(with: golden) as? NSDictionary
        #expect(actual == expected, "\(String(decoding: body, as: UTF8.self))")
    }

    @Test func postsToChatCompletionsWithBearerAuthAndDecodesUsage() async throws {
        let transport = StubTransport { _ in StubTransport.json(200, Self.okBody) }
        let client = OpenAIClient(
            endpoint: Self.endpoint("https://llm.example.com/v1/", key: "sk-1"), transport: transport, timeout: 300)
        let completion = try await client.complete(Self.request)
        #expect(completion.content == #"{"summary":"s","findings":[]}"#)
        #expect(completion.usage == TokenUsage(promptTokens: 120, completionTokens: 30))
        let sent = try #require(transport.requests.first)
        #expect(sent.url.absoluteString == "https://llm.example.com/v1/chat/completions")
        #expect(sent.headers["Authorization"] == "Bearer sk-1")
        #expect(sent.timeout == 300)
        let json = try #require(try JSONSerialization.jsonObject(with: sent.body ?? Data()) as? [String: Any])
        #expect(json["max_completion_tokens"] as? Int == 4096)
        #expect(json["max_tokens"] == nil)
    }

    @Test func reasoningModelsGetNoTemperature() throws {
        var request = Self.request
        request.temperature = nil
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(ChatCompletionBody(request))) as? [String: Any])
        #expect(json["temperature"] == nil)
        #expect(ChatRequest.isReasoningModel("o4-mini"))
        #expect(ChatRequest.isReasoningModel("gpt-5-mini"))
        #expect(!ChatRequest.isReasoningModel("gpt-4.1-mini"))
    }

    @Test(arguments: [
        (
            401,
            #"{"error":{"message":"Incorrect API key provided: sk-abc***","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
            "OpenAI request failed with 401 (invalid_api_key): Incorrect API key provided: sk-abc*** Check `openai-api-key`."
        ),
        (
            429,
            #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#,
            "OpenAI request failed with 429 (insufficient_quota): You exceeded your current quota The account is out of credit; retrying will not help."
        ),
        (
            404,
            #"{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#,
            "OpenAI request failed with 404 (model_not_found): The model `gpt-9` does not exist Check `model` and `openai-base-url`."
        ),
        (502, "<html>bad gateway</html>", "OpenAI request failed with 502: <html>bad gateway</html>"),
    ])
    func errorsAreHuman(_ status: Int, _ body: String, _ message: String) async {
        let transport = StubTransport { _ in StubTransport.json(status, body) }
        let client = OpenAIClient(endpoint: Self.endpoint("https://api.openai.com/v1", key: "k"), transport: transport)
        do {
            _ = try await client.complete(Self.request)
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error) == message)
        }
    }

    @Test func noChoicesIsAnError() async {
        let transport = StubTransport { _ in StubTransport.json(200, #"{"choices":[]}"#) }
        let client = OpenAIClient(endpoint: Self.endpoint("https://api.openai.com/v1", key: "k"), transport: transport)
        await #expect(throws: OpenAIAPIError.self) { try await client.complete(Self.request) }
    }
}

struct CompatibilityTests {
    static let request = OpenAIClientTests.request

    /// A server with Ollama/LM Studio-like gaps: answers 400 to what it does not support.
    static func quirkyServer(rejects: Set<String>) -> StubTransport {
        StubTransport { request in
            let json = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any] ?? [:]
            if rejects.contains("max_completion_tokens"), json["max_completion_tokens"] != nil {
                return StubTransport.json(
                    400,
                    #"{"error":{"message":"Unrecognized request argument supplied: max_completion_tokens","type":"invalid_request_error","param":null,"code":null}}"#
                )
            }
            let format = (json["response_format"] as? [String: Any])?["type"] as? String
            if let format, rejects.contains(format) {
                // LM Studio's shape: a plain string error naming response_format.
                return StubTransport.json(400, #"{"error":"'response_format.type' \#(format) is not supported"}"#)
            }
            return StubTransport.json(200, OpenAIClientTests.okBody)
        }
    }

    @Test func fallsBackToMaxTokensThenJSONModeThenTextAndRemembers() async throws {
        let server = Self.quirkyServer(rejects: ["max_completion_tokens", "json_schema", "json_object"])
        let client = OpenAIClient(
            endpoint: OpenAIClientTests.endpoint("http://localhost:11434/v1", key: nil), transport: server)
        let first = try await client.complete(Self.request)
        #expect(first.content != nil)
        #expect(client.mode == CompatibilityMode(legacyTokenLimit: true, responseFormat: .text))
        #expect(server.requests.count == 4)
        let last = try #require(
            try JSONSerialization.jsonObject(with: server.requests.last?.body ?? Data()) as? [String: Any])
        #expect(last["max_tokens"] as? Int == 4096)
        #expect(last["max_completion_tokens"] == nil)
        #expect(last["response_format"] == nil)
        let system = try #require((last["messages"] as? [[String: Any]])?.first?["content"] as? String)
        #expect(system.contains("matching this JSON Schema"))
        #expect(server.requests.last?.headers["Authorization"] == nil)
        // Remembered: the next request goes straight to what works.
        _ = try await client.complete(Self.request)
        #expect(server.requests.count == 5)
    }

    @Test func jsonModeIsEnoughForServersThatOnlyLackSchemas() async throws {
        let server = Self.quirkyServer(rejects: ["json_schema"])
        let client = OpenAIClient(
            endpoint: OpenAIClientTests.endpoint("http://vllm.local/v1", key: "x"), transport: server)
        _ = try await client.complete(Self.request)
        #expect(client.mode == CompatibilityMode(legacyTokenLimit: false, responseFormat: .jsonObject))
        let last = try #require(
            try JSONSerialization.jsonObject(with: server.requests.last?.body ?? Data()) as? [String: Any])
        #expect((last["response_format"] as? [String: Any])?["type"] as? String == "json_object")
        let system = try #require((last["messages"] as? [[String: Any]])?.first?["content"] as? String)
        #expect(system.contains("JSON"))
    }

    @Test func otherBadRequestsAreNotMistakenForCompatibilityGaps() async throws {
        let server = StubTransport { _ in
            StubTransport.json(
                400,
                #"{"error":{"message":"Invalid 'messages[1].content': string too long.","type":"invalid_request_error","param":"messages","code":"string_above_max_length"}}"#
            )
        }
        let client = OpenAIClient(
            endpoint: OpenAIClientTests.endpoint("https://api.openai.com/v1", key: "k"), transport: server)
        await #expect(throws: OpenAIAPIError.self) { try await client.complete(Self.request) }
        #expect(server.requests.count == 1)
        #expect(client.mode == CompatibilityMode())
    }

    @Test func reasoningEffortIsSentOnlyWhenSet() throws {
        var request = Self.request
        request.reasoningEffort = "low"
        request.temperature = nil
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(ChatCompletionBody(request))) as? [String: Any])
        #expect(json["reasoning_effort"] as? String == "low")
        let plain = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(ChatCompletionBody(Self.request)))
                as? [String: Any])
        #expect(plain["reasoning_effort"] == nil)
    }
}
