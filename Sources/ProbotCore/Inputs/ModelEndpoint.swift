package import Foundation

/// Which kind of Chat Completions service the action talks to.
package enum Provider: String, Sendable, CaseIterable, Equatable {
    case openai
    case azure
    case githubModels = "github-models"
    case openAICompatible = "openai-compatible"
}

/// The URL, headers and model id of the chat endpoint, resolved from the inputs. Pure: no network.
package struct ModelEndpoint: Sendable, Equatable {
    package var provider: Provider
    /// The full `…/chat/completions` URL, query included.
    package var url: URL
    /// Authentication and account headers. Values may be secrets: never print them.
    package var headers: [String: String]
    /// The `model` sent in the body (Azure's classic surface ignores it; the deployment is in the path).
    package var model: String

    /// OpenAI's API.
    package static let openAIBase = "https://api.openai.com/v1"
    /// GitHub Models' inference API.
    package static let githubModelsBase = "https://models.github.ai/inference"
    /// Azure OpenAI's GA inference API version, which supports structured outputs.
    package static let azureDefaultAPIVersion = "2024-10-21"

    /// Resolves the endpoint for `inputs`.
    package static func resolve(_ inputs: ProbotInputs) -> ModelEndpoint {
        var headers: [String: String] = [:]
        switch inputs.provider {
        case .openai:
            if let key = inputs.openAIAPIKey { headers["Authorization"] = "Bearer \(key)" }
            if let organization = inputs.openAIOrganization { headers["OpenAI-Organization"] = organization }
            if let project = inputs.openAIProject { headers["OpenAI-Project"] = project }
            return ModelEndpoint(
                provider: .openai, url: join(inputs.openAIBaseURL ?? URL(string: openAIBase), "/chat/completions"),
                headers: headers, model: inputs.model)
        case .openAICompatible:
            if let key = inputs.openAIAPIKey { headers["Authorization"] = "Bearer \(key)" }
            return ModelEndpoint(
                provider: .openAICompatible,
                url: join(inputs.openAIBaseURL ?? URL(string: openAIBase), "/chat/completions"),
                headers: headers, model: inputs.model)
        case .githubModels:
            if let token = inputs.githubToken { headers["Authorization"] = "Bearer \(token)" }
            let model = inputs.model.contains("/") ? inputs.model : "openai/\(inputs.model)"
            return ModelEndpoint(
                provider: .githubModels,
                url: join(inputs.openAIBaseURL ?? URL(string: githubModelsBase), "/chat/completions"),
                headers: headers, model: model)
        case .azure:
            if let key = inputs.openAIAPIKey { headers["api-key"] = key }
            let deployment = inputs.azureDeployment ?? inputs.model
            let version = inputs.azureAPIVersion
            if version == "v1" {
                // The newer surface: OpenAI-shaped, deployment name in the body.
                return ModelEndpoint(
                    provider: .azure, url: join(inputs.azureEndpoint, "/openai/v1/chat/completions"), headers: headers,
                    model: deployment)
            }
            let path =
                "/openai/deployments/\(deployment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? deployment)/chat/completions?api-version=\(version)"
            return ModelEndpoint(
                provider: .azure, url: join(inputs.azureEndpoint, path), headers: headers, model: inputs.model)
        }
    }

    private static func join(_ base: URL?, _ path: String) -> URL {
        (base ?? URL(string: openAIBase) ?? URL(fileURLWithPath: "/")).appendingAPIPath(path)
    }
}
