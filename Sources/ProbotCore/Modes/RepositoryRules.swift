/// The one reader of the repository's configuration file, with one rule for every mode:
///
/// | the file is | every mode |
/// |---|---|
/// | missing | runs with the workflow's inputs |
/// | unreadable (a network or file error) | warns, and runs with the workflow's inputs |
/// | invalid (bad YAML, unknown key, wrong type) | fails before any model call, naming the problem |
///
/// Where it is read differs: at the pull request's base commit for reviews, commands and thread replies (never
/// the head, which the pull request controls), from the checkout for an audit.
package struct RepositoryRules: Sendable {
    package var loader: any RepositoryConfigLoader

    /// Memberwise initialiser.
    package init(loader: any RepositoryConfigLoader) {
        self.loader = loader
    }

    /// What reading the file gave.
    package enum Read: Sendable {
        /// The file as loaded (`found` is `false` for a missing file).
        case loaded(LoadedConfig)
        /// The file could not be read: the inputs alone apply, with this warning.
        case unreadable(Diagnostic)
        /// The file is invalid: the run must stop.
        case invalid(ConfigError)
    }

    /// Reads the file at `commit` and classifies the result.
    package func read(at commit: String) async -> Read {
        do {
            return .loaded(try await loader.load(at: commit))
        } catch let error as ConfigError {
            return .invalid(error)
        } catch {
            return .unreadable(
                .warning(
                    "could not read the repository's configuration (\(error)); running with the workflow's inputs only")
            )
        }
    }

    /// The settings for a run at `commit`: `base` with the file applied, or `base` alone when it is unreadable
    /// (the warning emitted) or no commit is known (a comment on the conversation names none).
    /// - Throws: ``RunError/invalidConfig(_:)`` when the file is invalid.
    package func settings(
        at commit: String?, applyingTo base: ReviewSettings, diagnostics: any DiagnosticCollector
    ) async throws(RunError) -> ReviewSettings {
        guard let commit else { return base }
        switch await read(at: commit) {
        case .loaded(let loaded): return ConfigMerge.apply(loaded, to: base).0
        case .unreadable(let warning):
            diagnostics.emit(warning)
            return base
        case .invalid(let error): throw .invalidConfig(error)
        }
    }
}
