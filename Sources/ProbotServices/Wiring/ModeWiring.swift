package import ProbotCore

/// Builds the mode a plan names from the run's adapters and context, and runs it. Wiring only: each mode owns
/// its policy (reactions, dry run, configuration, failure).
package struct ModeWiring: Sendable {
    package var adapters: RunAdapters
    package var context: RunContext
    package var inputs: ProbotInputs
    package var environment: ActionEnvironment

    /// Memberwise initialiser.
    package init(adapters: RunAdapters, context: RunContext, inputs: ProbotInputs, environment: ActionEnvironment) {
        self.adapters = adapters
        self.context = context
        self.inputs = inputs
        self.environment = environment
    }

    /// Runs `plan`.
    package func run(_ plan: RunPlan) async -> RunOutcome {
        switch plan {
        case .review(let ref, let payload):
            // Skip rules apply to pull-request events, not to a review someone asked for by number.
            return await review(ref).run(ref, appliesSkipRules: payload != nil)
        case .audit(let repository):
            return await audit(repository).run(repository)
        case .command(let ref, let command, let comment):
            return await CommandMode(
                context: context, conversation: adapters.github, threads: adapters.threads,
                pullRequests: adapters.github, rules: adapters.rules(ref), contents: adapters.contents(ref),
                review: review(ref)
            ).run(ref, command, comment)
        case .threadReply(let ref, let comment):
            return await ThreadReplyMode(
                context: context, conversation: adapters.github, threads: adapters.threads,
                rules: adapters.rules(ref), contents: adapters.contents(ref),
                learnings: adapters.learnings.map { LearningRecorder(store: $0, teachers: inputs.allowedAssociations) }
            ).run(ref, comment)
        case .skip(let reason):
            return .skipped(reason)
        }
    }

    private func review(_ ref: PullRequestRef) -> ReviewMode {
        ReviewMode(pipeline: adapters.pipeline(ref, engine: context.engine()), policy: context.failurePolicy)
    }

    private func audit(_ repository: String) -> AuditMode {
        let settings = inputs.auditSettings
        return AuditMode(
            context: context, settings: settings,
            workspace: WorkspaceReader(root: adapters.workspace, maxBytes: settings.maxFileBytes),
            rules: adapters.workspaceRules,
            sarif: SarifFile(
                path: settings.sarifFile, workspace: adapters.workspace, redactor: adapters.github.client.redactor),
            issues: adapters.github, commit: environment["GITHUB_SHA"] ?? "", runURL: environment.runURL(repository))
    }
}
