import Foundation
import ProbotCore
import Testing

struct ModelEndpointTests {
    private func inputs(_ values: [String: String]) throws -> ProbotInputs {
        var variables = ["INPUT_GITHUB-TOKEN": "ghs_token"]
        for (name, value) in values { variables[ActionEnvironment.variableName(forInput: name)] = value }
        return try ProbotInputs.parse(ActionEnvironment(variables))
    }

    @Test func openAIWithOrganizationAndProject() throws {
        let endpoint = ModelEndpoint.resolve(
            try inputs([
                "openai-api-key": "sk-1", "openai-organization": "org-9", "openai-project": "proj_3", "model": "gpt-4o",
            ]))
        #expect(endpoint.url.absoluteString == "https://api.openai.com/v1/chat/completions")
        #expect(
            endpoint.headers == [
                "Authorization": "Bearer sk-1", "OpenAI-Organization": "org-9", "OpenAI-Project": "proj_3",
            ])
        #expect(endpoint.model == "gpt-4o")
    }

    @Test func azureClassicAndV1Surfaces() throws {
        let classic = ModelEndpoint.resolve(
            try inputs([
                "provider": "azure", "openai-api-key": "az-key", "azure-endpoint": "https://contoso.openai.azure.com/",
                "azure-deployment": "review-4o", "model": "gpt-4o",
            ]))
        #expect(
            classic.url.absoluteString
                == "https://contoso.openai.azure.com/openai/deployments/review-4o/chat/completions?api-version=2024-10-21"
        )
        #expect(classic.headers == ["api-key": "az-key"])
        let v1 = ModelEndpoint.resolve(
            try inputs([
                "provider": "azure", "openai-api-key": "az-key", "azure-endpoint": "https://contoso.openai.azure.com",
                "azure-deployment": "review-4o", "azure-api-version": "v1",
            ]))
        #expect(v1.url.absoluteString == "https://contoso.openai.azure.com/openai/v1/chat/completions")
        #expect(v1.model == "review-4o")
    }

    @Test func githubModelsUsesTheWorkflowToken() throws {
        let endpoint = ModelEndpoint.resolve(try inputs(["provider": "github-models", "model": "gpt-4.1-mini"]))
        #expect(endpoint.url.absoluteString == "https://models.github.ai/inference/chat/completions")
        #expect(endpoint.headers == ["Authorization": "Bearer ghs_token"])
        #expect(endpoint.model == "openai/gpt-4.1-mini")
    }

    @Test func compatibleServersNeedABaseURLButNoKey() throws {
        let endpoint = ModelEndpoint.resolve(
            try inputs([
                "provider": "openai-compatible", "openai-base-url": "http://localhost:11434/v1", "model": "llama3.1",
            ]))
        #expect(endpoint.url.absoluteString == "http://localhost:11434/v1/chat/completions")
        #expect(endpoint.headers.isEmpty)
        #expect(throws: InputError.self) { try inputs(["provider": "openai-compatible"]) }
    }

    @Test func providerSpecificInputsAreValidatedTogether() {
        do {
            _ = try inputs(["provider": "azure", "reasoning-effort": "extreme", "price-input-per-million": "-1"])
            Issue.record("expected an error")
        } catch let error as InputError {
            let text = error.description
            for name in [
                "`openai-api-key`", "`azure-endpoint`", "`azure-deployment`", "`reasoning-effort`",
                "`price-input-per-million`",
            ] {
                #expect(text.contains(name), "\(name) in \(text)")
            }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func catalogOverridesAndReasoningReserve() throws {
        let parsed = try inputs([
            "openai-api-key": "k", "model": "my-finetune", "context-window": "32000", "price-input-per-million": "1",
            "price-output-per-million": "2",
        ])
        let profile = parsed.modelProfile
        #expect(profile.info.contextWindow == 32_000)
        #expect(profile.info.maxOutputTokens == 8_000)
        #expect(profile.info.cost(promptTokens: 1_000_000, completionTokens: 1_000_000) == 3)
        #expect(profile.info.isKnown)
        #expect(profile.unknownModelWarning == nil)
        #expect(ModelProfile(name: "my-finetune").unknownModelWarning?.severity == .warning)
        let o4 = ReviewBudget.make(maxPromptTokens: 0, model: ModelCatalog.info(for: "o4-mini"), reasoning: true)
        #expect(o4.completionTokens == 16_384)
    }
}
