package import Foundation
package import Logging
package import ProbotCore

/// Runs ChatGPT Probot as a GitHub Action, from event to outcome, and only wires:
/// setup → adapters (built once) → the mode for the plan → the one reporter.
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
            redactor: SecretRedactor(environment.secrets))
        self.console = console
        self.counter = counter
        self.now = now
    }

    /// Runs once and writes the summary, outputs and annotations. Never throws: a failure is in the outcome,
    /// which ``ActionEntry`` alone turns into an error line and an exit status.
    package func run() async -> RunOutcome {
        for secret in environment.secrets.compactMap({ $0 }) { console.mask(secret) }
        var outcome = await plannedRun()
        if let build { outcome.summary += "\n<sub>ChatGPT Probot \(text: build)</sub>\n" }
        let reporter = OutcomeReporter(
            console: console, redactor: SecretRedactor(environment.secrets),
            summaryPath: environment["GITHUB_STEP_SUMMARY"], outputPath: environment["GITHUB_OUTPUT"])
        do {
            try reporter.report(outcome)
        } catch {
            outcome.failure = outcome.failure ?? RunError(error)
        }
        return outcome
    }

    /// Setup, adapters, then the mode the plan names; everything emitted on the way ends in the annotations.
    private func plannedRun() async -> RunOutcome {
        let setup: RunSetup
        do {
            setup = try RunSetup.read(environment)
        } catch {
            return .failed(error)
        }
        if case .skip(let reason) = setup.plan { return .skipped(reason, warnings: setup.warnings) }
        let diagnostics = DiagnosticLog()
        let adapters: RunAdapters
        do {
            adapters = try factory.adapters(
                setup.inputs, environment: environment, counter: counter, diagnostics: diagnostics)
        } catch {
            return .failed(RunError(error))
        }
        let context = RunContext(
            profile: setup.inputs.modelProfile, settings: adapters.settings, counter: adapters.counter,
            model: adapters.model, console: console, diagnostics: diagnostics,
            failurePolicy: setup.inputs.failurePolicy, now: now)
        var outcome = await ModeWiring(
            adapters: adapters, context: context, inputs: setup.inputs, environment: environment
        ).run(setup.plan)
        outcome.annotations = diagnostics.diagnostics + outcome.annotations
        return outcome
    }
}
