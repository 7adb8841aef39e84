/// What every mode shares: the model and how to count for it, the settings the inputs give, time, the console
/// and the one diagnostics channel. Built once per run by the wiring.
package struct RunContext: Sendable {
    package var profile: ModelProfile
    /// The inputs' settings, before the repository's configuration is applied. ``ReviewSettings/dryRun`` is the
    /// only dry-run switch: the model is always there, and no mode asks it on a dry run.
    package var settings: ReviewSettings
    package var counter: any TokenCounter
    package var model: any ChatModel
    package var console: any RunConsole
    package var diagnostics: any DiagnosticCollector
    /// When a finished run still fails the step (`fail-on`).
    package var failurePolicy: FailurePolicy
    package var now: @Sendable () -> ContinuousClock.Instant

    /// Memberwise initialiser.
    package init(
        profile: ModelProfile, settings: ReviewSettings, counter: any TokenCounter, model: any ChatModel,
        console: any RunConsole, diagnostics: any DiagnosticCollector, failurePolicy: FailurePolicy = FailurePolicy(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.profile = profile
        self.settings = settings
        self.counter = counter
        self.model = model
        self.console = console
        self.diagnostics = diagnostics
        self.failurePolicy = failurePolicy
        self.now = now
    }

    /// The review engine for these settings (the inputs', or the repository's applied to them).
    package func engine(_ settings: ReviewSettings? = nil) -> ReviewEngine {
        let settings = settings ?? self.settings
        return ReviewEngine(
            profile: profile, settings: settings, counter: counter, model: model,
            console: console, now: now)
    }
}
