/// Starts the fake GitHub and a fake model (with ``FakeOpenAIServer/start(apiKey:route:contextLimitCharacters:latency:script:)``'s
/// arguments), runs `body`, and stops both when `body` returns or throws, so no test leaves a server behind.
package func withFakes<R>(
    apiKey: String = FakeOpenAIServer.defaultKey, route: FakeOpenAIServer.Route = .openAI,
    script: @escaping @Sendable (FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer,
    _ body: (FakeGitHubServer, FakeOpenAIServer) async throws -> R
) async throws -> R {
    try await withFakeGitHub { github in
        try await withFakeModel(apiKey: apiKey, route: route, script: script) { model in try await body(github, model) }
    }
}

/// Starts the fake GitHub, runs `body`, and stops the server when `body` returns or throws.
package func withFakeGitHub<R>(_ body: (FakeGitHubServer) async throws -> R) async throws -> R {
    let github = try await FakeGitHubServer.start()
    do {
        let result = try await body(github)
        await github.stop()
        return result
    } catch {
        await github.stop()
        throw error
    }
}

/// Starts a fake model, runs `body`, and stops the server when `body` returns or throws.
package func withFakeModel<R>(
    apiKey: String = FakeOpenAIServer.defaultKey, route: FakeOpenAIServer.Route = .openAI,
    script: @escaping @Sendable (FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer,
    _ body: (FakeOpenAIServer) async throws -> R
) async throws -> R {
    let model = try await FakeOpenAIServer.start(apiKey: apiKey, route: route, script: script)
    do {
        let result = try await body(model)
        await model.stop()
        return result
    } catch {
        await model.stop()
        throw error
    }
}
