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

    /// What a run did.
    package enum Result: Sendable {
        case review(RunReport)
        case audit(AuditReport)
        case command(CommandRunner.Outcome)
        case skipped(String)

        /// The review report, when the run reviewed a pull request.
        package var review: RunReport? {
            if case .review(let report) = self { return report }
            return nil
        }

        /// The audit report, when the run audited the repository.
        package var audit: AuditReport? {
            if case .audit(let report) = self { return report }
            return nil
        }
    }

    /// Runs once; the review report, or `nil` when the run did something else.
    @discardableResult
    package func run() async throws -> RunReport? {
        try await perform().review
    }

    /// Runs once: resolves the plan from the event and inputs, then reviews, audits, answers a command, or skips.
    /// - Throws: ``InputError``, ``EventError``, ``RunFailure``, ``FailOnError``, ``PartialFailureError`` or an API
    ///   error, after writing whatever summary and outputs the run produced.
    package func perform() async throws -> Result {
        for secret in [environment.input("openai-api-key"), environment.input("github-token")].compactMap({ $0 }) {
            console.mask(secret)
        }
        let plan = try resolvePlan()
        if case .skip(let reason) = plan {
            // Nothing to do: never fail the step, but still point out inputs that would fail a real run.
            do { _ = try ProbotInputs.parse(environment) } catch { console.warning(error.description) }
            try skip(reason)
            return .skipped(reason)
        }
        let inputs: ProbotInputs
        do {
            inputs = try ProbotInputs.parse(environment)
        } catch {
            if case .review(_, let payload?) = plan, payload.isFromFork,
                environment.input("openai-api-key") == nil, error.problems.count == 1
            {
                let reason = "pull request #\(payload.number) comes from a fork, and GitHub gives fork workflows no secrets, so there is no OpenAI key: the review was skipped. To review fork PRs, trigger on `pull_request_target` (this action never checks out PR code)."
                try skip(reason)
                return .skipped(reason)
            }
            throw error
        }
        let maxWait = Duration.seconds(inputs.maxWaitSeconds)
        let github = GitHubPullRequestService(
            client: GitHubClient(
                baseURL: apiBaseURL, token: inputs.githubToken ?? "",
                transport: retrying(clock, classifier: GitHubRetryClassifier(), maxWait: maxWait, api: "GitHub"), logger: logger))
        let model: (any ChatModel)? =
            inputs.dryRun
            ? nil
            : OpenAIClient(
                endpoint: ModelEndpoint.resolve(inputs),
                transport: retrying(clock, classifier: OpenAIRetryClassifier(), maxWait: maxWait, api: "OpenAI"),
                timeout: TimeInterval(inputs.requestTimeoutSeconds),
                pacer: TokenPacer(clock: clock) { [console] needed, remaining, wait in
                    console.info("pacing: \(needed) tokens needed, \(remaining) left this minute; waiting \(RetryExhausted.format(wait))")
                })
        let (counter, counterWarning) =
            self.counter.map { ($0, nil) } ?? TokenCounterFactory.make(model: inputs.model, vocabularyDirectory: environment["CHATGPT_PROBOT_VOCAB_DIR"])
        if let counterWarning { console.warning(counterWarning) }
        let examples = try loadExamples(inputs)

        switch plan {
        case .review(let ref, _):
            return .review(try await review(ref, inputs: inputs, github: github, model: model, counter: counter, examples: examples))
        case .audit(let repository):
            return .audit(try await audit(repository, inputs: inputs, github: github, model: model, counter: counter, examples: examples))
        case .command(let ref, let context):
            do {
                try await github.react(ref, commentID: context.commentID, inReviewThread: context.inReviewThread)
            } catch {
                console.warning("could not add the 👀 reaction: \(error)")
            }
            if context.command == .review && !context.inReviewThread {
                return .review(try await review(ref, inputs: inputs, github: github, model: model, counter: counter, examples: examples))
            }
            guard let model else {
                try skip("`dry-run` is on: the command was not answered")
                return .skipped("dry run")
            }
            let outcome = try await CommandRunner(github: github, model: model, inputs: inputs, counter: counter, console: console)
                .run(ref, context)
            try writeSummary(
                "## 🤖 ChatGPT Probot · \(ref)\n\nAnswered @\(context.author)'s command" + (outcome.replyURL.map { ": [reply](\($0))" } ?? ".")
                    + "\n\n| Tokens | \(Format.count(outcome.usage.promptTokens)) → \(Format.count(outcome.usage.completionTokens)) |\n|---|---|\n")
            try writeOutputs(
                StepOutputs.make([
                    "model-requests": "1", "prompt-tokens": String(outcome.usage.promptTokens),
                    "completion-tokens": String(outcome.usage.completionTokens),
                ]))
            return .command(outcome)
        case .skip(let reason):
            return .skipped(reason)
        }
    }

    private func resolvePlan() throws -> RunPlan {
        guard let path = environment["GITHUB_EVENT_PATH"] else { throw EventError.missingEventPath }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw EventError.unreadable(path: path, reason: error.localizedDescription)
        }
        let event = try GitHubEvent.decode(data)
        let mode = environment.input("mode").flatMap { ModeInput(rawValue: $0.lowercased()) } ?? .auto
        let allowed = environment.input("allowed-associations").map {
            Set($0.split(whereSeparator: { $0 == "," || $0.isNewline }).map { String($0).trimmingWhitespace().uppercased() }.filter { !$0.isEmpty })
        } ?? ModeResolver.defaultAssociations
        return try ModeResolver.resolve(
            eventName: environment["GITHUB_EVENT_NAME"], event: event, mode: mode, pullRequest: environment.input("pull-request"),
            repository: environment["GITHUB_REPOSITORY"], allowedAssociations: allowed)
    }

    private var workspace: URL { URL(fileURLWithPath: environment["GITHUB_WORKSPACE"] ?? FileManager.default.currentDirectoryPath) }

    private func loadExamples(_ inputs: ProbotInputs) throws -> [ChatMessage] {
        guard let file = inputs.examplesFile else { return [] }
        let messages = try ExamplesLoader.load(file, workspace: workspace, builder: PromptBuilder(language: inputs.language))
        console.info("few-shot: \(messages.count / 2) example(s) from \(file)")
        return messages
    }

    private func review(
        _ ref: PullRequestRef, inputs: ProbotInputs, github: GitHubPullRequestService, model: (any ChatModel)?,
        counter: any TokenCounter, examples: [ChatMessage]
    ) async throws -> RunReport {
        var engine = ReviewEngine(inputs: inputs, counter: counter, model: model, console: console, now: now)
        engine.examples = examples
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

    private func audit(
        _ repository: String, inputs: ProbotInputs, github: GitHubPullRequestService, model: (any ChatModel)?,
        counter: any TokenCounter, examples: [ChatMessage]
    ) async throws -> AuditReport {
        let pipeline = AuditPipeline(inputs: inputs, counter: counter, model: model, console: console, examples: examples, now: now)
        let reader = WorkspaceReader(root: workspace, maxBytes: inputs.auditMaxFileBytes)
        let report = try await pipeline.run(workspace: reader, repository: repository, commit: environment["GITHUB_SHA"] ?? "")
        var sarifPath = ""
        if !report.dryRun {
            let url = inputs.sarifFile.hasPrefix("/") ? URL(fileURLWithPath: inputs.sarifFile) : workspace.appendingPathComponent(inputs.sarifFile)
            try SarifWriter.write(report, to: url)
            sarifPath = url.path
            console.info("SARIF: \(url.path) (\(report.findings.filter { $0.unlocated == nil }.count) result(s))")
        }
        for warning in report.warnings { console.warning(warning) }
        let failed = report.outcomes.filter { $0.review == nil && !$0.heldBackByCostCap }
        let allFailed = !report.outcomes.isEmpty && failed.count == report.outcomes.count
        if !report.dryRun && !allFailed && (inputs.shard == nil || inputs.shard?.index == 1) {
            let parts = repository.split(separator: "/").map(String.init)
            do {
                let existing = try await github.findTrackingIssue(owner: parts[0], repo: parts[1], label: inputs.auditLabel)
                let runURL = environment["GITHUB_RUN_ID"].map { "\(environment["GITHUB_SERVER_URL"] ?? "https://github.com")/\(repository)/actions/runs/\($0)" }
                let number = try await github.upsertTrackingIssue(
                    owner: parts[0], repo: parts[1], existing: existing,
                    title: "ChatGPT Probot audit: \(report.findings.count) finding(s)", body: AuditRenderer.issue(report, runURL: runURL),
                    label: inputs.auditLabel)
                console.info(existing == nil ? "created tracking issue #\(number)" : "updated tracking issue #\(number)")
            } catch {
                console.warning("could not update the audit issue (needs `issues: write`): \(error)")
            }
        }
        try writeSummary(redactor.redact(AuditRenderer.summary(report, sarifPath: sarifPath.isEmpty ? nil : sarifPath)))
        try writeOutputs(report.outputs(sarifPath: sarifPath))
        if allFailed, case .failed(let why) = failed[0].result {
            throw EventError.malformed("every audit request failed; first error: \(why)")
        }
        if let threshold = inputs.failOn.threshold, let worst = report.findings.map(\.finding).filter({ $0.severity >= threshold }).max(by: { $0.severity < $1.severity }) {
            throw FailOnError(finding: worst, level: inputs.failOn)
        }
        if inputs.failOnError && !failed.isEmpty {
            throw PartialFailureError(failedRequests: failed.count, files: failed.flatMap(\.batch.paths))
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

    private func skip(_ reason: String) throws {
        console.notice(reason)
        try writeSummary("## 🤖 ChatGPT Probot\n\nNothing to review: \(reason)\n")
        try writeOutputs(emptyOutputs)
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

    private var emptyOutputs: [(name: String, value: String)] { StepOutputs.make([:]) }

    private func writeSummary(_ markdown: String) throws {
        guard let path = environment["GITHUB_STEP_SUMMARY"] else { return }
        try StepSummaryWriter(path: path).write(markdown)
    }

    private func writeOutputs(_ outputs: [(name: String, value: String)]) throws {
        guard let path = environment["GITHUB_OUTPUT"] else { return }
        try OutputFileWriter(path: path).write(outputs)
    }
}
