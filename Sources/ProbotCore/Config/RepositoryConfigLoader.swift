/// Reads the repository's configuration file at a commit (GitHub's contents API at the pull request's base in
/// production, the checked-out workspace for an audit).
package protocol RepositoryConfigLoader: Sendable {
    /// The configuration at `commit`; a missing file is an empty configuration (`found` is `false`).
    /// - Throws: ``ConfigError`` when the file is invalid; other errors when it cannot be read.
    func load(at commit: String) async throws -> LoadedConfig
    /// The repository's root `.gitattributes` at `commit`, or `nil` when there is none.
    func gitAttributesText(at commit: String) async throws -> String?
    /// The text of the repository file `path` at `commit`, or `nil` when there is none (agent instructions).
    /// - Throws: ``WorkspacePathError`` for a path leading out of the repository; other errors when unreadable.
    func repositoryFileText(_ path: String, at commit: String) async throws -> String?
    /// The texts of `paths` at `commit` in as few requests as the source allows (missing files are absent), or
    /// `nil` when the source cannot read several at once, so the caller reads them one by one.
    /// - Throws: when the batch failed as a whole (the caller then reads them one by one).
    func repositoryFileTexts(_ paths: [String], at commit: String) async throws -> [String: String]?
}

extension RepositoryConfigLoader {
    /// No `.gitattributes` (the default, for loaders that cannot read it).
    package func gitAttributesText(at commit: String) async throws -> String? { nil }

    /// No file (the default, for loaders that cannot read files).
    package func repositoryFileText(_ path: String, at commit: String) async throws -> String? { nil }

    /// No batch reads (the default): files are read one by one.
    package func repositoryFileTexts(_ paths: [String], at commit: String) async throws -> [String: String]? { nil }
}
