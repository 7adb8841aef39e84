package import Foundation
package import Logging
package import ProbotCore

/// Builds the adapters a run needs, with the same retry and pacing rules for the action and the local CLI.
package struct ServiceFactory<C: Clock>: Sendable where C.Duration == Duration {
    /// The bare HTTP transport (URLSession in production).
    package var transport: any HTTPTransport
    /// Where retries and pacing waits are reported.
    package var console: any RunConsole
    /// The diagnostic log (`RUNNER_DEBUG=1`): requests, statuses, rate-limit headers.
    package var logger: Logger
    /// Sleeps for retries and rate limits; tests pass a mock clock.
    package var clock: C
    /// Wall-clock time, for GitHub's epoch reset headers.
    package var wallClock: @Sendable () -> Date
    /// Every credential of the run, redacted from everything sent to GitHub.
    package var redactor: SecretRedactor

    /// Memberwise initialiser; production passes `ContinuousClock()`.
    package init(
        transport: any HTTPTransport, console: any RunConsole, logger: Logger, clock: C,
        wallClock: @escaping @Sendable () -> Date = { Date() }, redactor: SecretRedactor = SecretRedactor([])
    ) {
        self.redactor = redactor
        self.transport = transport
        self.console = console
        self.logger = logger
        self.clock = clock
        self.wallClock = wallClock
    }

    /// The GitHub REST client with GitHub's rate-limit rules.
    package func github(baseURL: URL, token: String, maxWait: Duration) -> GitHubPullRequestService {
        GitHubPullRequestService(
            client: GitHubClient(
                baseURL: baseURL, token: token,
                transport: retrying(GitHubRetryClassifier(), maxWait: maxWait, api: "GitHub"), logger: logger,
                redactor: redactor))
    }

    /// The chat model named by the inputs, with OpenAI's retry rules and a tokens-per-minute pacer.
    package func model(_ inputs: ProbotInputs) -> OpenAIClient {
        let console = self.console
        return OpenAIClient(
            endpoint: ModelEndpoint.resolve(inputs),
            transport: retrying(OpenAIRetryClassifier(), maxWait: .seconds(inputs.maxWaitSeconds), api: "OpenAI"),
            timeout: TimeInterval(inputs.requestTimeoutSeconds),
            pacer: TokenPacer(clock: clock) { needed, remaining, wait in
                console.info(
                    "pacing: \(needed) tokens needed, \(remaining) left this minute; waiting \(RetryExhausted.format(wait))"
                )
            })
    }

    /// The exact token counter for `model`, or an estimate with a warning when the vocabulary is missing.
    package func counter(model: String, vocabularyDirectory: String? = nil) -> (any TokenCounter, Diagnostic?) {
        let (counter, warning) = TokenCounterFactory.make(model: model, vocabularyDirectory: vocabularyDirectory)
        return (counter, warning.map(Diagnostic.warning))
    }

    /// Every adapter of an action run, built once: GitHub with `inputs`' token, the model, the counter
    /// (`counter`, or the model's exact encoding), and the inputs' settings with their few-shot examples.
    /// - Throws: when the examples file is unreadable or malformed.
    package func adapters(
        _ inputs: ProbotInputs, environment: ActionEnvironment, counter: (any TokenCounter)?,
        diagnostics: any DiagnosticCollector
    ) throws -> RunAdapters {
        let github = self.github(
            baseURL: environment.apiBaseURL, token: inputs.githubToken ?? "",
            maxWait: .seconds(inputs.maxWaitSeconds))
        let exact =
            counter
            ?? {
                let (exact, warning) = self.counter(
                    model: inputs.model, vocabularyDirectory: environment["CHATGPT_PROBOT_VOCAB_DIR"])
                if let warning { diagnostics.emit(warning) }
                return exact
            }()
        var settings = inputs.reviewSettings
        if let file = inputs.examplesFile {
            settings.examples = try ExamplesLoader.load(
                file, workspace: environment.workspace, builder: PromptBuilder(language: inputs.language))
            console.info("few-shot: \(settings.examples.count / 2) example(s) from \(file)")
        }
        return RunAdapters(
            github: github, threads: GitHubThreadStore(client: github.client, graphQLURL: environment.graphQLURL),
            model: model(inputs), counter: exact, settings: settings, workspace: environment.workspace,
            graphQLURL: environment.graphQLURL, configFile: inputs.configFile, symbolIndex: inputs.symbolIndex,
            environment: environment.variables,
            learnings: inputs.learn ? GitHubLearningStore(service: github) : nil)
    }

    /// The base transport with `classifier`'s retry rules, sleeping on the clock.
    private func retrying(_ classifier: any RetryClassifier, maxWait: Duration, api: String) -> any HTTPTransport {
        let console = self.console
        let logger = self.logger
        return RetryingTransport(
            base: transport, policy: RetryPolicy(clock: clock, wallClock: wallClock, maxTotalWait: maxWait),
            classifier: classifier,
            onRetry: { reason, wait, attempt in
                // The reason may quote a server's message: escaped so it cannot start a workflow command.
                logger.debug(
                    "\(api) retry \(attempt)",
                    metadata: ["reason": "\(WorkflowCommand.escapeData(reason))", "wait": "\(wait)"])
                console.info("\(api): \(reason); retry \(attempt) in \(RetryExhausted.format(wait))")
            })
    }
}
