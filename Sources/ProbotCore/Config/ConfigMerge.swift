/// Where an effective setting came from.
package enum SettingSource: String, Sendable, Equatable {
    /// A workflow input set explicitly.
    case input
    /// The repository's configuration file.
    case file
    /// The built-in default.
    case `default`
}

/// One effective setting, its value and its source, for the job summary.
package struct SettingOrigin: Sendable, Equatable {
    /// The input name (`min-severity`); the file's key is the same with underscores.
    package var name: String
    package var value: String
    package var source: SettingSource

    /// Memberwise initialiser.
    package init(name: String, value: String, source: SettingSource) {
        self.name = name
        self.value = value
        self.source = source
    }
}

/// The configuration file as a run loaded it.
package struct LoadedConfig: Sendable {
    /// The file's path in the repository.
    package var path: String
    /// Whether the file exists (a missing file is an empty configuration).
    package var found: Bool
    package var config: RepositoryConfig
    /// The turns of the file's `examples_file`, read from the same commit.
    package var examples: [ChatMessage]

    /// Memberwise initialiser.
    package init(path: String, found: Bool, config: RepositoryConfig = RepositoryConfig(), examples: [ChatMessage] = [])
    {
        self.path = path
        self.found = found
        self.config = config
        self.examples = examples
    }
}

/// Applies the repository's configuration: an input set explicitly wins over the file, the file wins over the
/// built-in default.
package enum ConfigMerge {
    /// The inputs the file may set, by input name.
    package static let configurable = [
        "instructions", "include", "exclude", "min-severity", "language", "examples-file", "review-generated",
        "agent-instructions",
    ]

    /// `settings` with the file's values applied, and the origin of every setting that is not at its default.
    package static func apply(_ loaded: LoadedConfig, to settings: ReviewSettings) -> (ReviewSettings, [SettingOrigin])
    {
        let config = loaded.config
        var merged = settings
        var origins: [SettingOrigin] = []
        func pick<T: Equatable>(
            _ name: String, _ keyPath: WritableKeyPath<ReviewSettings, T>, file: T?, fallback: T, show: (T) -> String
        ) {
            let source: SettingSource
            if settings.explicitInputs.contains(name) {
                source = .input
            } else if let file {
                merged[keyPath: keyPath] = file
                source = .file
            } else {
                source = .default
            }
            if source != .default || merged[keyPath: keyPath] != fallback {
                origins.append(SettingOrigin(name: name, value: show(merged[keyPath: keyPath]), source: source))
            }
        }
        pick("instructions", \.instructions, file: config.instructions, fallback: InputDefaults.instructions) {
            $0.count > 60 ? String($0.prefix(60)) + "…" : $0
        }
        pick("include", \.include, file: config.include, fallback: []) { $0.joined(separator: ", ") }
        pick("exclude", \.exclude, file: config.exclude, fallback: []) { $0.joined(separator: ", ") }
        pick("min-severity", \.minSeverity, file: config.minSeverity, fallback: InputDefaults.minSeverity) {
            $0.rawValue
        }
        pick("language", \.language, file: config.language, fallback: InputDefaults.language) { $0 }
        pick(
            "review-generated", \.reviewGenerated, file: config.reviewGenerated,
            fallback: InputDefaults.reviewGenerated
        ) { String($0) }
        pick(
            "agent-instructions", \.readsAgentInstructions, file: config.agentInstructions,
            fallback: InputDefaults.agentInstructions
        ) { String($0) }
        if let file = config.examplesFile {
            if settings.explicitInputs.contains("examples-file") {
                origins.append(SettingOrigin(name: "examples-file", value: "(the input's file)", source: .input))
            } else {
                merged.examples = loaded.examples
                origins.append(SettingOrigin(name: "examples-file", value: file, source: .file))
            }
        }
        merged.pathInstructions = config.pathInstructions
        if !config.pathInstructions.isEmpty {
            origins.append(
                SettingOrigin(
                    name: "path-instructions", value: config.pathInstructions.map(\.path).joined(separator: ", "),
                    source: .file))
        }
        return (merged, origins)
    }
}
