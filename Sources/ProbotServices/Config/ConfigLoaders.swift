package import Foundation
package import ProbotCore

/// Reads the configuration file (and its examples file) through GitHub's contents API at a commit: the pull
/// request's base, so a pull request cannot loosen the rules it is reviewed by.
package struct GitHubConfigLoader: RepositoryConfigLoader {
    package var client: GitHubClient
    package var owner: String
    package var repo: String
    /// The configuration file's path in the repository.
    package var path: String
    /// GitHub's GraphQL endpoint, for reading many small files in one query; `nil` reads them one by one.
    package var graphQLURL: URL?

    /// Memberwise initialiser.
    package init(client: GitHubClient, owner: String, repo: String, path: String, graphQLURL: URL? = nil) {
        self.graphQLURL = graphQLURL
        self.client = client
        self.owner = owner
        self.repo = repo
        self.path = path
    }

    package func load(at commit: String) async throws -> LoadedConfig {
        try await ConfigFiles.load(path: path, location: " at \(commit.prefix(12))") {
            try await client.fileText(owner: owner, repo: repo, path: $0, ref: commit)
        }
    }

    /// The root `.gitattributes` at `commit` (the base), through the contents API.
    package func gitAttributesText(at commit: String) async throws -> String? {
        try await client.fileText(owner: owner, repo: repo, path: GitAttributes.path, ref: commit)
    }

    /// `path` at `commit` (the base), through the contents API; the path must stay inside the repository.
    package func repositoryFileText(_ path: String, at commit: String) async throws -> String? {
        try WorkspacePath.validate(path)
        return try await client.fileText(owner: owner, repo: repo, path: path, ref: commit)
    }
}

/// Reads the configuration file from the checked-out workspace (the audit, which runs on the default branch),
/// never outside it: a path or symbolic link leading out is a configuration error (see ``ConfinedWorkspace``).
package struct WorkspaceConfigLoader: RepositoryConfigLoader {
    package var workspace: URL
    package var path: String

    /// Memberwise initialiser.
    package init(workspace: URL, path: String) {
        self.workspace = workspace
        self.path = path
    }

    package func load(at commit: String) async throws -> LoadedConfig {
        let files = ConfinedWorkspace(root: workspace)
        return try await ConfigFiles.load(path: path, location: "") { (path: String) throws(WorkspacePathError) in
            try files.contents(path).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The workspace's root `.gitattributes`.
    package func gitAttributesText(at commit: String) async throws -> String? {
        try ConfinedWorkspace(root: workspace).contents(GitAttributes.path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `path` in the workspace, never outside it.
    package func repositoryFileText(_ path: String, at commit: String) async throws -> String? {
        try ConfinedWorkspace(root: workspace).contents(path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// What both loaders do once they can read a file: parse the configuration, then its `examples_file`.
enum ConfigFiles {
    /// Reads `path` and the examples file it names with `read` (`nil`: the file does not exist).
    ///
    /// Both paths must stay inside the repository (``WorkspacePath``), checked here for every loader, also for
    /// the contents API; `read` may refuse more (a symbolic link leading out) with ``WorkspacePathError``.
    /// - Parameter location: where the files were read, for the message, e.g. ` at 1a2b3c4d5e6f`.
    /// - Throws: ``ConfigError`` for an invalid file or a refused path, naming the key (and where it is).
    static func load(
        path: String, location: String, read: (String) async throws -> String?
    ) async throws -> LoadedConfig {
        let text: String?
        do {
            try WorkspacePath.validate(path)
            text = try await read(path)
        } catch let error as WorkspacePathError {
            throw ConfigError(
                path: path,
                problems: [
                    ConfigProblem(line: 1, column: 1, "`config-file` \(error)", key: "config-file", pathError: error)
                ])
        }
        guard let text else { return LoadedConfig(path: path, found: false) }
        let config = try ConfigFileParser.parse(text, path: path)
        guard let examplesFile = config.examplesFile else {
            return LoadedConfig(path: path, found: true, config: config)
        }
        let (line, column) = ConfigFileParser.position(ofValueOf: "examples_file", in: text) ?? (1, 1)
        let examples: String?
        do {
            try WorkspacePath.validate(examplesFile)
            examples = try await read(examplesFile)
        } catch let error as WorkspacePathError {
            throw ConfigError(
                path: path,
                problems: [
                    ConfigProblem(
                        line: line, column: column, "`examples_file` \(error)", key: "examples_file", pathError: error)
                ])
        }
        guard let examples else {
            throw ConfigError(
                path: path,
                problems: [
                    ConfigProblem(
                        line: line, column: column, "`examples_file` \(examplesFile) does not exist\(location)",
                        key: "examples_file")
                ])
        }
        return LoadedConfig(
            path: path, found: true, config: config,
            examples: try parseExamples(examples, file: examplesFile, config: config, path: path))
    }

    static func parseExamples(
        _ text: String, file: String, config: RepositoryConfig, path: String
    ) throws -> [ChatMessage] {
        do {
            return try ExamplesLoader.parse(
                Data(text.utf8), isJSON: file.lowercased().hasSuffix(".json"),
                builder: PromptBuilder(language: config.language ?? InputDefaults.language))
        } catch {
            throw ConfigError(
                path: path, problems: [ConfigProblem(line: 1, column: 1, "`examples_file` \(file): \(error.message)")])
        }
    }
}
