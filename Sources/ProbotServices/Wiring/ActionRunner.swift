package import Foundation
package import Logging
package import ProbotCore

/// Runs ChatGPT Probot as a GitHub Action, from event to outcome: setup, the mode's run, the reporter.
/// Shared by the executable and the integration tests, which hand it an environment and a transport.
package struct ActionRunner<C: Clock>: Sendable where C.Duration == Duration {
    package var environment: ActionEnvironment
    package var factory: ServiceFactory<C>
    package var console: ActionsConsole
    /// Token counter override (tests); `nil` picks the model's exact encoding.
    package var counter: (any TokenCounter)?
    package var now: @Sendable () -> ContinuousClock.Instant
    /// The version and revision of this build, for the job summary's footer; `nil` leaves the footer out.
    package var build: String?

    /// Memberwise initialiser; production passes `ContinuousClock()`.
    package init(
        environment: ActionEnvironment, transport: any HTTPTransport, console: ActionsConsole, logger: Logger,
        counter: (any TokenCounter)? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        clock: C,
        wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.factory = ServiceFactory(
            transport: transport, console: console, logger: logger, clock: clock, wallClock: wallClock,
            redactor: SecretRedactor(Self.secrets(environment)))
        self.console = console
        self.counter = counter
        self.now = now
    }

    /// Every secret this run knows, for masking and redaction.
    package static func secrets(_ environment: ActionEnvironment) -> [String?] {
        [environment.input("openai-api-key"), environment.input("github-token")]
            + [
                "GITHUB_TOKEN", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "ACTIONS_RUNTIME_TOKEN",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
            ].map { environment[$0] }
    }

    /// Runs once and writes the summary, outputs and annotations. Never throws: a failure is in the outcome,
    /// which the executable alone turns into an exit status.
    package func run() async -> RunOutcome {
        for secret in Self.secrets(environment).compactMap({ $0 }) { console.mask(secret) }
        var outcome = await decideAndRun()
        if let build { outcome.summary += "\n<sub>ChatGPT Probot \(text: build)</sub>\n" }
        let reporter = OutcomeReporter(
            console: console, redactor: SecretRedactor(Self.secrets(environment)),
            summaryPath: environment["GITHUB_STEP_SUMMARY"], outputPath: environment["GITHUB_OUTPUT"])
        do {
            try reporter.report(outcome)
        } catch {
            outcome.failure = outcome.failure ?? RunError(error)
        }
        return outcome
    }

    private func decideAndRun() async -> RunOutcome {
        let decision: RunSetup.Decision
        do {
            decision = try RunSetup.decide(environment)
        } catch {
            return .failed(error)
        }
        switch decision {
        case .skip(let reason, let warnings): return .skipped(reason, warnings: warnings)
        case .run(let plan, let inputs): return await execute(plan, inputs)
        }
    }

    private func execute(_ plan: RunPlan, _ inputs: ProbotInputs) async -> RunOutcome {
        let github = factory.github(
            baseURL: apiBaseURL, token: inputs.githubToken ?? "", maxWait: .seconds(inputs.maxWaitSeconds))
        let model: (any ChatModel)? = inputs.dryRun ? nil : factory.model(inputs)
        let (counter, counterWarning) =
            self.counter.map { ($0, nil) }
            ?? factory.counter(model: inputs.model, vocabularyDirectory: environment["CHATGPT_PROBOT_VOCAB_DIR"])
        var settings = inputs.reviewSettings
        do {
            settings.examples = try loadExamples(inputs)
        } catch {
            return .failed(RunError(error))
        }
        let engine = ReviewEngine(
            profile: inputs.modelProfile, settings: settings, counter: counter, model: model, console: console, now: now
        )
        func configLoader(_ ref: PullRequestRef) -> GitHubConfigLoader {
            GitHubConfigLoader(client: github.client, owner: ref.owner, repo: ref.repo, path: inputs.configFile)
        }
        func contents(_ ref: PullRequestRef) -> any FileContentSource {
            WorkspaceContentSource(
                root: workspace,
                fallback: GitHubContentSource(
                    client: github.client, graphQLURL: graphQLURL, owner: ref.owner, repo: ref.repo))
        }
        func review(_ ref: PullRequestRef, appliesSkipRules: Bool) async -> RunOutcome {
            await ReviewRun(
                pipeline: ReviewPipeline(
                    source: github, publisher: github,
                    memory: ReviewMemory(
                        history: github, summaries: github, comparer: github, descriptions: github,
                        threads: GitHubThreadStore(client: github.client, graphQLURL: graphQLURL)),
                    engine: engine,
                    config: configLoader(ref), appliesSkipRules: appliesSkipRules, contents: contents(ref)
                ).withSymbols(
                    CtagsSymbolProvider(
                        workspace: workspace, enabled: inputs.symbolIndex, environment: environment.variables)),
                policy: inputs.failurePolicy
            ).run(ref)
        }

        var outcome: RunOutcome
        var notes: [Diagnostic] = counterWarning.map { [$0] } ?? []
        /// Answers a command or a thread reply with the repository's configuration at the pull request's base
        /// applied: skipped on a dry run, failed when the configuration is invalid, a warning when it is unreadable.
        func answer(
            _ ref: PullRequestRef, _ context: CommandContext, what: String,
            _ run: (any ChatModel, ReviewSettings) async -> RunOutcome
        ) async -> RunOutcome {
            guard let model else { return .skipped("`dry-run` is on: the \(what) was not answered") }
            guard let base = context.baseSHA else { return await run(model, settings) }
            let loaded: LoadedConfig
            do {
                loaded = try await configLoader(ref).load(at: base)
            } catch let error as ConfigError {
                return .failed(.invalidConfig(error), subject: "\(ref)")
            } catch {
                notes.append(.warning("could not read the repository's configuration (\(error))"))
                return await run(model, settings)
            }
            return await run(model, ConfigMerge.apply(loaded, to: settings).0)
        }
        switch plan {
        case .review(let ref, let payload):
            // Skip rules apply to pull request events, not to a review someone asked for by number or `/review`.
            outcome = await review(ref, appliesSkipRules: payload != nil)
        case .audit(let repository):
            var audit = inputs.auditSettings
            do {
                let loaded = try await WorkspaceConfigLoader(workspace: workspace, path: inputs.configFile).load(at: "")
                (audit.review, _) = ConfigMerge.apply(loaded, to: settings)
            } catch {
                outcome = .failed(RunError(error), subject: "audit of \(repository)")
                break
            }
            outcome = await AuditRun(
                pipeline: AuditPipeline(
                    profile: inputs.modelProfile, settings: audit, counter: counter, model: model, console: console,
                    now: now),
                settings: audit, policy: inputs.failurePolicy, workspace: workspace, issues: github, console: console,
                commit: environment["GITHUB_SHA"] ?? "", runURL: runURL(repository), redactor: factory.redactor
            ).run(repository)
        case .command(let ref, let context):
            if let warning = await Acknowledgement.react(ref, context, on: github) { notes.append(warning) }
            if context.command == .review && !context.inReviewThread {
                outcome = await review(ref, appliesSkipRules: false)
            } else {
                outcome = await answer(ref, context, what: "command") { model, settings in
                    await CommandRun(
                        responder: CommandResponder(
                            conversation: github, model: model, profile: inputs.modelProfile, settings: settings,
                            counter: counter, console: console, contents: contents(ref))
                    ).run(ref, context)
                }
            }
        case .threadReply(let ref, let context):
            outcome = await answer(ref, context, what: "reply") { model, settings in
                await ThreadReplyRun(
                    responder: ThreadResponder(
                        threads: GitHubThreadStore(client: github.client, graphQLURL: graphQLURL), conversation: github,
                        model: model, profile: inputs.modelProfile, settings: settings, console: console,
                        contents: contents(ref))
                ).run(ref, context)
            }
        case .skip(let reason):
            outcome = .skipped(reason)
        }
        outcome.annotations = notes + outcome.annotations
        return outcome
    }

    private var workspace: URL {
        URL(fileURLWithPath: environment["GITHUB_WORKSPACE"] ?? FileManager.default.currentDirectoryPath)
    }

    private var apiBaseURL: URL {
        environment["GITHUB_API_URL"].flatMap(URL.init(string:)) ?? URL(string: "https://api.github.com")
            ?? URL(fileURLWithPath: "/")
    }

    private var graphQLURL: URL {
        environment["GITHUB_GRAPHQL_URL"].flatMap(URL.init(string:))
            ?? GitHubGraphQL.url(forAPI: apiBaseURL)
    }

    private func runURL(_ repository: String) -> String? {
        environment["GITHUB_RUN_ID"].map {
            "\(environment["GITHUB_SERVER_URL"] ?? "https://github.com")/\(repository)/actions/runs/\($0)"
        }
    }

    private func loadExamples(_ inputs: ProbotInputs) throws -> [ChatMessage] {
        guard let file = inputs.examplesFile else { return [] }
        let messages = try ExamplesLoader.load(
            file, workspace: workspace, builder: PromptBuilder(language: inputs.language))
        console.info("few-shot: \(messages.count / 2) example(s) from \(file)")
        return messages
    }
}
