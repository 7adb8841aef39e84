/// Starts the fake GitHub and a fake model (`startModel`), runs `body`, and stops both when `body` returns or
/// throws, so no test leaves a server running behind it.
package func withFakes<R>(
    model startModel: () async throws -> FakeOpenAIServer,
    _ body: (FakeGitHubServer, FakeOpenAIServer) async throws -> R
) async throws -> R {
    try await withFakeGitHub { github in
        try await withFakeModel(startModel) { model in try await body(github, model) }
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

/// Starts a fake model (`start`), runs `body`, and stops the server when `body` returns or throws.
package func withFakeModel<R>(
    _ start: () async throws -> FakeOpenAIServer, _ body: (FakeOpenAIServer) async throws -> R
) async throws -> R {
    let model = try await start()
    do {
        let result = try await body(model)
        await model.stop()
        return result
    } catch {
        await model.stop()
        throw error
    }
}
