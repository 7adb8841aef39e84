/// The one definition of every input's default: `action.yml`, the parser, the local CLI and the settings types
/// all read these (a docs test checks `action.yml` against them).
package enum InputDefaults {
    /// A cheap model with structured outputs and a large context.
    package static let model = "gpt-4.1-mini"
    /// `0` derives the prompt budget from the model.
    package static let maxPromptTokens = 0
    package static let maxConcurrency = 4
    package static let maxComments = 25
    package static let minSeverity = Severity.minor
    package static let language = "English"
    package static let instructions = ""
    package static let failOn = FailLevel.none
    package static let failOnError = false
    package static let incremental = true
    package static let dryRun = false
    package static let maxWaitSeconds = 300
    package static let requestTimeoutSeconds = 180
    package static let sarifFile = "chatgpt-probot.sarif"
    package static let auditLabel = "chatgpt-probot-audit"
    package static let auditMaxFileBytes = 200_000
    /// Lines of surrounding code shown above a hunk, up to its enclosing scope.
    package static let contextLines = 60
    /// `symbol-index`: build the checkout's symbol index for related declarations.
    package static let symbolIndex = true
    /// Resolve this action's threads whose problem a push fixed.
    package static let resolveFixed = true
    /// Ask the model before resolving a thread as fixed.
    package static let verifyFixes = false
    /// Answer replies in this action's review threads.
    package static let replyInThreads = true
    /// Learn from the team: learnings, reactions and the ledger.
    package static let learn = true
    /// Write the walkthrough into the pull request's description.
    package static let describe = false
    package static let reviewGenerated = false
    /// Pass the repository's `AGENTS.md`, `.github/copilot-instructions.md` and `CLAUDE.md` to the model.
    package static let agentInstructions = true
    /// Plan for the shortest review (`time`) or the fewest requests (`cost`).
    package static let optimize = Optimize.time
    /// The repository's configuration file.
    package static let configFile = ".github/chatgpt-probot.yml"
    /// Highest accepted `price-input-per-million` / `price-output-per-million`, in US dollars per million tokens:
    /// far above any real model's, low enough that no cost overflows.
    package static let maxPricePerMillion: Double = 1_000_000
    /// Commenters allowed to run commands.
    package static let allowedAssociations: Set<String> = ["OWNER", "MEMBER", "COLLABORATOR"]
}
