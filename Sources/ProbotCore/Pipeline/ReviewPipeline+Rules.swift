/// The configuration stage: the repository's rules at the pull request's base, applied to the settings.
extension ReviewPipeline {
    /// What the configuration stage decided.
    struct Rules {
        /// The settings with the file applied.
        var settings: ReviewSettings
        var origins: [SettingOrigin] = []
        var diagnostics: [Diagnostic] = []
        /// Set when the review must not go on.
        var stop: Stop?
    }

    /// Why a review stops at the configuration stage.
    enum Stop {
        /// A skip rule matched.
        case skip(String)
        /// The file is invalid: nothing is sent to the model.
        case invalid(ConfigError)
    }

    /// Reads the configuration at the base commit through ``RepositoryRules`` (one rule for every mode: a missing
    /// file means the inputs alone; an unreadable one is a warning and the inputs alone; an invalid one stops the
    /// review before any model call), then applies the skip rules.
    func loadRules(_ fetched: Fetched) async -> Rules {
        var rules = Rules(settings: engine.settings)
        guard let config else { return rules }
        let loaded: LoadedConfig
        switch await RepositoryRules(loader: config).read(at: fetched.pullRequest.base.sha) {
        case .loaded(let file): loaded = file
        case .unreadable(let warning):
            rules.diagnostics.append(warning)
            return rules
        case .invalid(let error):
            rules.stop = .invalid(error)
            return rules
        }
        guard loaded.found else { return rules }
        if fetched.changed.contains(where: { $0.filename == loaded.path }) {
            rules.diagnostics.append(
                .note(
                    "this pull request changes `\(loaded.path)`; the change applies after merge, and this review used the rules on the base branch"
                ))
        }
        let pullRequest = fetched.pullRequest
        if appliesSkipRules,
            let rule = loaded.config.skip.match(
                title: pullRequest.title, labels: pullRequest.labels?.map(\.name) ?? [], author: pullRequest.user?.login
            )
        {
            rules.stop = .skip("\(rule) in `\(loaded.path)`")
            return rules
        }
        (rules.settings, rules.origins) = ConfigMerge.apply(loaded, to: engine.settings)
        return rules
    }

    /// Reads the root `.gitattributes` at the base commit (never the head: a pull request must not hide its own
    /// files). Unreadable is a warning; a pull request changing it gets a note.
    func loadAttributes(_ fetched: Fetched, settings: ReviewSettings) async -> (GitAttributes?, [Diagnostic]) {
        guard let config, !settings.reviewGenerated else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        if fetched.changed.contains(where: { $0.filename == GitAttributes.path }) {
            diagnostics.append(
                .note(
                    "this pull request changes `\(GitAttributes.path)`; the change applies after merge, and this review used the attributes on the base branch"
                ))
        }
        do {
            guard let text = try await config.gitAttributesText(at: fetched.pullRequest.base.sha) else {
                return (nil, diagnostics)
            }
            return (GitAttributes(text), diagnostics)
        } catch {
            diagnostics.append(
                .warning("could not read `\(GitAttributes.path)` (\(error)); generated and vendored files are reviewed")
            )
            return (nil, diagnostics)
        }
    }
}
