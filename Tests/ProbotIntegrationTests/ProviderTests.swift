import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// Each provider against the loopback fake, with its exact URL, headers and body shape.
struct ProviderTests {
    /// Runs one review against a fake model on `route`, then `check`s the servers and the harness; both servers
    /// are stopped afterwards.
    static func run(
        route: FakeOpenAIServer.Route, apiKey: String, inputs: (FakeGitHubServer, FakeOpenAIServer) -> [String: String],
        check: (FakeGitHubServer, FakeOpenAIServer, ActionHarness) async throws -> Void
    ) async throws {
        try await withFakes(apiKey: apiKey, route: route, script: ActionRunTests.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            var values = ["github-token": github.token]
            values.merge(inputs(github, openAI)) { $1 }
            let harness = try ActionHarness(
                eventName: "pull_request", event: try ActionRunTests.event(), inputs: values, githubURL: github.baseURL)
            _ = try await harness.run()
            try await check(github, openAI, harness)
        }
    }

    static func body(_ request: ReceivedRequest?) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: request?.body ?? Data()) as? [String: Any])
    }

    @Test func openAIWithOrganizationAndProjectHeaders() async throws {
        try await Self.run(route: .openAI, apiKey: "sk-openai-1") { _, openAI in
            [
                "openai-api-key": "sk-openai-1", "openai-base-url": openAI.baseURL.absoluteString,
                "openai-organization": "org-42", "openai-project": "proj_7",
            ]
        } check: { github, openAI, _ in
            let request = try #require(openAI.requests.first)
            #expect(request.path == "/v1/chat/completions")
            #expect(request.headers["authorization"] == "Bearer sk-openai-1")
            #expect(request.headers["openai-organization"] == "org-42")
            #expect(request.headers["openai-project"] == "proj_7")
            let body = try Self.body(request)
            #expect(body["model"] as? String == "gpt-4.1-mini")
            #expect(body["max_completion_tokens"] as? Int == 4_096)
            #expect((body["response_format"] as? [String: Any])?["type"] as? String == "json_schema")
            #expect(github.comments.count == 6)
        }
    }

    @Test func azureDeploymentURLAndApiKeyHeader() async throws {
        try await Self.run(route: .azure(deployment: "review-4o", apiVersion: "2024-10-21"), apiKey: "azure-key-123") {
            _, openAI in
            [
                "provider": "azure", "openai-api-key": "azure-key-123", "azure-endpoint": openAI.root.absoluteString,
                "azure-deployment": "review-4o", "model": "gpt-4o",
            ]
        } check: { github, openAI, harness in
            let request = try #require(openAI.requests.first)
            #expect(request.path == "/openai/deployments/review-4o/chat/completions")
            #expect(request.query["api-version"] == "2024-10-21")
            #expect(request.headers["api-key"] == "azure-key-123")
            #expect(request.headers["authorization"] == nil)
            #expect(try Self.body(request)["model"] as? String == "gpt-4o")
            #expect(github.comments.count == 6)
            #expect(!harness.summary.contains("azure-key-123"))
        }
    }

    @Test func githubModelsNeedsNoSecretButTheWorkflowToken() async throws {
        try await Self.run(route: .githubModels, apiKey: "ghs_faketoken123") { _, openAI in
            [
                "provider": "github-models",
                "openai-base-url": openAI.root.appendingPathComponent("inference").absoluteString,
                "model": "gpt-4.1-mini",
            ]
        } check: { github, openAI, _ in
            let request = try #require(openAI.requests.first)
            #expect(request.path == "/inference/chat/completions")
            #expect(request.headers["authorization"] == "Bearer \(github.token)")
            #expect(try Self.body(request)["model"] as? String == "openai/gpt-4.1-mini")
            #expect(github.comments.count == 6)
        }
    }

    @Test func aLocalServerWithoutStructuredOutputsStillReviews() async throws {
        try await Self.run(route: .compatible(rejects: ["max_completion_tokens", "json_schema"]), apiKey: "") {
            _, openAI in
            [
                "provider": "openai-compatible", "openai-base-url": openAI.baseURL.absoluteString,
                "model": "llama3.1:8b", "context-window": "32768",
            ]
        } check: { github, openAI, harness in
            // Learnt once: the first request is refused twice, every later one goes straight through.
            let bodies = try openAI.requests.map(Self.body)
            #expect(bodies.count == 3)
            #expect(bodies.last?["max_tokens"] as? Int == 4_096)
            #expect((bodies.last?["response_format"] as? [String: Any])?["type"] as? String == "json_object")
            #expect(openAI.requests.allSatisfy { $0.headers["authorization"] == nil })
            #expect(github.comments.count == 6)
            #expect(harness.summary.contains("llama3.1:8b"))
        }
    }
}
