/// The review stages' share of the inputs: what to look at, what to say, and how much to post.
package struct ReviewSettings: Sendable {
    /// Globs a file must match (empty: all).
    package var include: [String] = []
    /// Globs that leave a file out, on top of the built-in list.
    package var exclude: [String] = []
    /// Language of the review text.
    package var language = InputDefaults.language
    /// Extra instructions for the system prompt.
    package var instructions = InputDefaults.instructions
    /// Few-shot turns placed before the real request.
    package var examples: [ChatMessage] = []
    /// The repository's path instructions (from its configuration file).
    package var pathInstructions: [PathInstruction] = []
    /// The team's learnings read from the learnings issue this run (`learn: true`).
    package var learnings: [Learning] = []
    /// Learn from the team: record concessions, apply learnings, keep the ledger (`learn`).
    package var learn = InputDefaults.learn
    /// Inputs the workflow set explicitly; they win over the repository's configuration file.
    package var explicitInputs: Set<String> = []
    /// Findings below this severity are not posted.
    package var minSeverity = InputDefaults.minSeverity
    /// Inline comments at most; the rest go into the review body.
    package var maxComments = InputDefaults.maxComments
    /// Model requests in flight at once.
    package var maxConcurrency = InputDefaults.maxConcurrency
    /// Review only what changed since the last reviewed commit.
    package var incremental = InputDefaults.incremental
    /// Plan only: no model calls, nothing posted.
    package var dryRun = InputDefaults.dryRun
    /// Plan for the shortest review or the fewest requests.
    package var optimize = InputDefaults.optimize
    /// Resolve this action's threads whose problem a push fixed.
    package var resolveFixed = InputDefaults.resolveFixed
    /// Ask the model before resolving a thread as fixed.
    package var verifyFixes = InputDefaults.verifyFixes
    /// Also write the summary and walkthrough into the pull request's description.
    package var describe = InputDefaults.describe
    /// Most lines of surrounding code shown above a hunk (`0`: none).
    package var contextLines = InputDefaults.contextLines

    /// Review generated and vendored files too (`.gitattributes`, generated headers).
    package var reviewGenerated = false
    /// The base's `.gitattributes`, read by the pipeline.
    package var gitAttributes: GitAttributes?
    /// Read the repository's agent instruction files (`AGENTS.md`, `CLAUDE.md`, …) at the base.
    package var readsAgentInstructions = InputDefaults.agentInstructions
    /// The agent instruction files read by the pipeline, passed to every request.
    package var agentInstructions = AgentInstructions.none

    /// Defaults for everything.
    package init() {}

    /// The include/exclude filter, built-in exclusions included.
    package var filter: PathFilter {
        var filter = PathFilter(include: include, exclude: exclude)
        if !reviewGenerated { filter.attributes = gitAttributes }
        return filter
    }

    /// The prompt builder for this title and description.
    package func promptBuilder(
        title: String = "", description: String = "", mode: PromptBuilder.Mode = .review
    ) -> PromptBuilder {
        var builder = PromptBuilder(
            language: language, instructions: instructions, title: title, description: description)
        builder.mode = mode
        builder.examples = examples
        builder.pathInstructions = pathInstructions
        builder.learnings = learnings
        builder.agentInstructions = agentInstructions
        return builder
    }
}

/// What decides whether a finished review fails the step.
package struct FailurePolicy: Sendable, Equatable {
    /// Fail when a posted finding is at least this severe.
    package var failOn = InputDefaults.failOn
    /// Fail when some model requests failed.
    package var failOnError = InputDefaults.failOnError

    /// Memberwise initialiser.
    package init(failOn: FailLevel = InputDefaults.failOn, failOnError: Bool = InputDefaults.failOnError) {
        self.failOn = failOn
        self.failOnError = failOnError
    }

    /// The failure for these findings and failed batches, or `nil` when the step passes.
    /// - Parameter unreviewed: the files of the failed batches, for the message.
    package func failure(posted: [Finding], failedBatches: Int, unreviewed: [String]) -> RunError? {
        if let threshold = failOn.threshold,
            let worst = posted.filter({ $0.severity >= threshold }).max(by: { $0.severity < $1.severity })
        {
            return .failOn(worst, failOn)
        }
        if failOnError && failedBatches > 0 {
            return .partialFailure(failedRequests: failedBatches, files: unreviewed)
        }
        return nil
    }
}
