package import Foundation
package import Logging
package import ProbotCore

/// `fail-on` matched a posted finding: everything was written, but the step must fail.
package struct FailOnError: Error, CustomStringConvertible {
    package var finding: Finding
    package var level: FailLevel

    package var description: String {
        "a \(finding.severity.rawValue) finding was posted (`fail-on: \(level.rawValue)`): \(finding.path):\(finding.line) \(finding.title)"
    }
}

/// `fail-on-error` is set and some model requests failed: the review was posted, but the step must fail.
package struct PartialFailureError: Error, CustomStringConvertible {
    package var failedRequests: Int
    package var files: [String]

    package var description: String {
        "\(failedRequests) model request(s) failed (`fail-on-error: true`); not reviewed: \(files.joined(separator: ", "))"
    }
}

/// Runs ChatGPT Probot as a GitHub Action: reads the event and inputs, reviews, writes the summary and outputs.
/// Shared by the executable and the integration tests, which hand it an environment and a transport.
package struct ActionRunner<C: Clock>: Sendable where C.Duration == Duration {
    package var environment: ActionEnvironment
    package var transport: any HTTPTransport
    package var console: ActionsConsole
    package var logger: Logger
    /// Token counter override (tests); `nil` picks the model's exact encoding.
    package var counter: (any TokenCounter)?
    package var now: @Sendable () -> ContinuousClock.Instant
    /// Sleeps for retries and rate limits; tests pass a mock clock.
    package var clock: C
    /// Wall-clock time, for GitHub's epoch reset headers.
    package var wallClock: @Sendable () -> Date

    /// Memberwise initialiser; production passes `ContinuousClock()`.
    package init(
        environment: ActionEnvironment, transport: any HTTPTransport, console: ActionsConsole, logger: Logger,
        counter: (any TokenCounter)? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        clock: C,
        wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.transport = transport
        self.console = console
        self.logger = logger
        self.counter = counter
        self.now = now
        self.clock = clock
        self.wallClock = wallClock
    }

    /// Every secret this run knows, for redaction.
    package var redactor: SecretRedactor {
        SecretRedactor([environment.input("openai-api-key"), environment.input("github-token")])
    }

    /// Runs once.
    /// - Returns: the report, or `nil` when the event needs no review.
    /// - Throws: ``InputError``, ``EventError``, ``RunFailure``, ``FailOnError`` or an API error, after writing
    ///   whatever summary and outputs the run produced.
    @discardableResult
    package func run() async throws -> RunReport? {
        for secret in [environment.input("openai-api-key"), environment.input("github-token")].compactMap({ $0 }) {
            console.mask(secret)
        }
        let decision = try decide()
        if case .skip(let reason) = decision {
            // Nothing to review: never fail the step, but still point out inputs that would fail a real run.
            do { _ = try ProbotInputs.parse(environment) } catch { console.warning(error.description) }
            return try skip(reason)
        }
        let inputs: ProbotInputs
        do {
            inputs = try ProbotInputs.parse(environment)
        } catch {
            if case .review(_, let pullRequest) = decision, pullRequest.isFromFork,
                environment.input("openai-api-key") == nil, error.problems.count == 1
            {
                return try skip(
                    "pull request #\(pullRequest.number) comes from a fork, and GitHub gives fork workflows no secrets, so there is no OpenAI key: the review was skipped. To review fork PRs, trigger on `pull_request_target` (this action never checks out PR code).")
            }
            throw error
        }
        guard case .review(let ref, _) = decision else { return nil }

        let maxWait = Duration.seconds(inputs.maxWaitSeconds)
        let githubTransport = retrying(clock, classifier: GitHubRetryClassifier(), maxWait: maxWait, api: "GitHub")
        let openAITransport = retrying(clock, classifier: OpenAIRetryClassifier(), maxWait: maxWait, api: "OpenAI")
        let github = GitHubPullRequestService(
            client: GitHubClient(
                baseURL: apiBaseURL, token: inputs.githubToken ?? "", transport: githubTransport, logger: logger))
        let model: (any ChatModel)? =
            inputs.dryRun
            ? nil
            : OpenAIClient(
                endpoint: ModelEndpoint.resolve(inputs), transport: openAITransport,
                timeout: TimeInterval(inputs.requestTimeoutSeconds))
        let (counter, counterWarning) =
            self.counter.map { ($0, nil) } ?? TokenCounterFactory.make(model: inputs.model, vocabularyDirectory: environment["CHATGPT_PROBOT_VOCAB_DIR"])
        if let counterWarning { console.warning(counterWarning) }
        let engine = ReviewEngine(inputs: inputs, counter: counter, model: model, console: console, now: now)
        let memory = ReviewMemory(history: github, summaries: github, comparer: github)
        let pipeline = ReviewPipeline(source: github, publisher: github, memory: memory, engine: engine)
        let report: RunReport
        do {
            report = try await pipeline.run(ref)
        } catch let failure as RunFailure {
            try finish(failure.report, failure: failure.message)
            throw failure
        } catch {
            try writeSummary("## 🤖 ChatGPT Probot · \(ref)\n\n> [!CAUTION]\n> \(redactor.redact(String(describing: error)))\n")
            try writeOutputs(emptyOutputs)
            throw error
        }
        try finish(report, failure: nil)
        if let finding = report.failingFinding { throw FailOnError(finding: finding, level: report.failOn) }
        if inputs.failOnError && !report.failedOutcomes.isEmpty {
            throw PartialFailureError(
                failedRequests: report.failedOutcomes.count, files: StickySummaryRenderer.pendingPaths(report))
        }
        return report
    }

    /// The base transport with `classifier`'s retry rules, sleeping on `clock`.
    private func retrying(_ clock: C, classifier: any RetryClassifier, maxWait: Duration, api: String) -> any HTTPTransport {
        let console = self.console
        return RetryingTransport(
            base: transport, policy: RetryPolicy(clock: clock, wallClock: wallClock, maxTotalWait: maxWait),
            classifier: classifier,
            onRetry: { reason, wait, attempt in
                console.info("\(api): \(reason); retry \(attempt) in \(RetryExhausted.format(wait))")
            })
    }

    private var apiBaseURL: URL {
        environment["GITHUB_API_URL"].flatMap(URL.init(string:)) ?? URL(string: "https://api.github.com") ?? URL(fileURLWithPath: "/")
    }

    private func decide() throws -> RunDecision {
        guard let path = environment["GITHUB_EVENT_PATH"] else { throw EventError.missingEventPath }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw EventError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try RunDecision.decide(eventName: environment["GITHUB_EVENT_NAME"], event: GitHubEvent.decode(data))
    }

    private func skip(_ reason: String) throws -> RunReport? {
        console.notice(reason)
        try writeSummary("## 🤖 ChatGPT Probot\n\nNothing to review: \(reason)\n")
        try writeOutputs(emptyOutputs)
        return nil
    }

    private func finish(_ report: RunReport, failure: String?) throws {
        if report.publishBlocked != nil {
            // Nothing could be posted: the most severe findings become annotations on the files' lines.
            let findings = report.placement.posted.sorted { $0.severity > $1.severity }
            for finding in findings.prefix(ActionsConsole.warningAnnotationLimit) {
                console.warning(
                    "[\(finding.severity.rawValue)] \(finding.title): \(finding.body)", file: finding.path, line: finding.line)
            }
        }
        for warning in report.warnings { console.warning(warning) }
        if report.dryRun { console.info(TerminalReportRenderer.plan(report)) }
        try writeSummary(redactor.redact(JobSummaryRenderer.render(report, failure: failure)))
        try writeOutputs(report.outputs)
    }

    private var emptyOutputs: [(name: String, value: String)] {
        ["review-id", "findings", "comments", "files-reviewed", "files-skipped", "model-requests", "prompt-tokens",
            "completion-tokens", "cost-usd"].map { ($0, ["review-id", "cost-usd"].contains($0) ? "" : "0") }
    }

    private func writeSummary(_ markdown: String) throws {
        guard let path = environment["GITHUB_STEP_SUMMARY"] else { return }
        try StepSummaryWriter(path: path).write(markdown)
    }

    private func writeOutputs(_ outputs: [(name: String, value: String)]) throws {
        guard let path = environment["GITHUB_OUTPUT"] else { return }
        try OutputFileWriter(path: path).write(outputs)
    }
}
