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

    /// Memberwise initialiser.
    package init(client: GitHubClient, owner: String, repo: String, path: String) {
        self.client = client
        self.owner = owner
        self.repo = repo
        self.path = path
    }

    package func load(at commit: String) async throws -> LoadedConfig {
        guard let text = try await client.fileText(owner: owner, repo: repo, path: path, ref: commit) else {
            return LoadedConfig(path: path, found: false)
        }
        let config = try ConfigFileParser.parse(text, path: path)
        guard let examplesFile = config.examplesFile else {
            return LoadedConfig(path: path, found: true, config: config)
        }
        guard let examples = try await client.fileText(owner: owner, repo: repo, path: examplesFile, ref: commit) else {
            throw ConfigError(
                path: path,
                problems: [
                    ConfigProblem(
                        line: 1, column: 1, "`examples_file` \(examplesFile) does not exist at \(commit.prefix(12))")
                ])
        }
        return LoadedConfig(
            path: path, found: true, config: config,
            examples: try ConfigExamples.parse(examples, file: examplesFile, config: config, path: path))
    }
}

/// Reads the configuration file from the checked-out workspace (the audit, which runs on the default branch).
package struct WorkspaceConfigLoader: RepositoryConfigLoader {
    package var workspace: URL
    package var path: String

    /// Memberwise initialiser.
    package init(workspace: URL, path: String) {
        self.workspace = workspace
        self.path = path
    }

    package func load(at commit: String) async throws -> LoadedConfig {
        guard let data = FileManager.default.contents(atPath: workspace.appendingPathComponent(path).path) else {
            return LoadedConfig(path: path, found: false)
        }
        let config = try ConfigFileParser.parse(String(decoding: data, as: UTF8.self), path: path)
        guard let examplesFile = config.examplesFile else {
            return LoadedConfig(path: path, found: true, config: config)
        }
        guard let examples = FileManager.default.contents(atPath: workspace.appendingPathComponent(examplesFile).path)
        else {
            throw ConfigError(
                path: path,
                problems: [ConfigProblem(line: 1, column: 1, "`examples_file` \(examplesFile) does not exist")])
        }
        return LoadedConfig(
            path: path, found: true, config: config,
            examples: try ConfigExamples.parse(
                String(decoding: examples, as: UTF8.self), file: examplesFile, config: config, path: path))
    }
}

/// The few-shot turns of a configuration's `examples_file`.
enum ConfigExamples {
    static func parse(_ text: String, file: String, config: RepositoryConfig, path: String) throws -> [ChatMessage] {
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
