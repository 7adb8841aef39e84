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

/// Starts the fake GitHub, runs `body`, and stops it (and `others`, started by the caller) when `body` returns
/// or throws.
package func withFakeGitHub<R>(
    alsoStopping others: [any StoppableFake] = [], _ body: (FakeGitHubServer) async throws -> R
) async throws -> R {
    let github: FakeGitHubServer
    do {
        github = try await FakeGitHubServer.start()
    } catch {
        for other in others { await other.stop() }
        throw error
    }
    do {
        let result = try await body(github)
        for server in [github as any StoppableFake] + others { await server.stop() }
        return result
    } catch {
        for server in [github as any StoppableFake] + others { await server.stop() }
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

/// A fake server a test can stop.
package protocol StoppableFake: Sendable {
    /// Stops the server.
    func stop() async
}

extension FakeGitHubServer: StoppableFake {}
extension FakeOpenAIServer: StoppableFake {}

/// Runs `body`, then stops `servers` (already started) whether `body` returned or threw.
package func stopping<R>(_ servers: any StoppableFake..., body: () async throws -> R) async throws -> R {
    do {
        let result = try await body()
        for server in servers { await server.stop() }
        return result
    } catch {
        for server in servers { await server.stop() }
        throw error
    }
}
