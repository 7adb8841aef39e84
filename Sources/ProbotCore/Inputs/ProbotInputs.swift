package import Foundation

/// The validated configuration of one run, read from the workflow inputs.
package struct ProbotInputs: Sendable, Equatable {
    /// Token for the GitHub REST API.
    package var githubToken: String?
    /// Which chat service to call.
    package var provider: Provider
    /// Key for the model endpoint; not needed for a dry run, GitHub Models, or keyless compatible servers.
    package var openAIAPIKey: String?
    /// Base URL of the API up to `/chat/completions`; `nil` uses the provider's default.
    package var openAIBaseURL: URL?
    /// `OpenAI-Organization` header.
    package var openAIOrganization: String?
    /// `OpenAI-Project` header.
    package var openAIProject: String?
    /// `https://RESOURCE.openai.azure.com`.
    package var azureEndpoint: URL?
    /// The Azure deployment name.
    package var azureDeployment: String?
    /// Azure `api-version`, or `v1` for the `/openai/v1` surface.
    package var azureAPIVersion: String
    /// `reasoning_effort` for reasoning models, when set.
    package var reasoningEffort: String?
    /// Overrides the catalog's context window.
    package var contextWindow: Int?
    /// Seconds before a model's first answer token, for the plan's time estimate; `nil` uses the model's default.
    package var modelLatencySeconds: Double?
    /// Answer tokens per second, for the plan's time estimate (`0`: the answer's length takes no time); `nil` uses
    /// the model's default.
    package var modelTokensPerSecond: Double?
    /// Overrides the catalog's input price, US dollars per million tokens.
    package var priceInputPerMillion: Double?
    /// Overrides the catalog's output price, US dollars per million tokens.
    package var priceOutputPerMillion: Double?
    /// `auto`, `review`, `audit` or `chat`.
    package var mode: ModeInput = .auto
    /// A pull request to review (number or URL), on any event.
    package var pullRequest: String?
    /// Author associations allowed to run comment commands.
    package var allowedAssociations: Set<String> = InputDefaults.allowedAssociations
    /// Audit only these paths or globs (empty: the whole repository).
    package var auditPaths: [String] = []
    /// Audit at most this many files (0: no cap).
    package var maxFiles: Int = 0
    /// Stop the audit before spending more than this many US dollars (0: no cap).
    package var maxCostUSD: Double = 0
    /// `i/n`: audit only the i-th of n deterministic slices of the files.
    package var shard: Shard?
    /// Where the audit writes its SARIF file, relative to the workspace.
    package var sarifFile: String = InputDefaults.sarifFile
    /// Label of the audit's tracking issue.
    package var auditLabel: String = InputDefaults.auditLabel
    /// Files larger than this are not audited.
    package var auditMaxFileBytes: Int = InputDefaults.auditMaxFileBytes
    /// A JSON or YAML file of example diffs and findings, added as prior turns.
    package var examplesFile: String?
    /// Chat model name.
    package var model: String
    /// Prompt tokens per request; `0` derives it from the model.
    package var maxPromptTokens: Int
    /// Model requests in flight at once.
    package var maxConcurrency: Int
    /// Glob patterns a file must match to be reviewed (empty: all).
    package var include: [String]
    /// Glob patterns that exclude a file, added to the built-in list.
    package var exclude: [String]
    /// Inline comments at most; the rest go into the review body.
    package var maxComments: Int
    /// Findings below this severity are dropped.
    package var minSeverity: Severity
    /// Language of the review text.
    package var language: String
    /// Extra instructions appended to the system prompt.
    package var instructions: String
    /// Plan only: no model calls, no posting.
    package var dryRun: Bool
    /// Fail the step when a finding at least this severe is posted.
    package var failOn: FailLevel
    /// Fail the step when some model requests failed (the review is still posted).
    package var failOnError: Bool
    /// Review only files changed since the last reviewed commit.
    package var incremental: Bool
    /// Longest total wait for rate limits and retries of one request, in seconds.
    package var maxWaitSeconds: Int
    /// Seconds before a model request is abandoned.
    package var requestTimeoutSeconds: Int
    /// Resolve this action's threads whose problem a push fixed.
    package var resolveFixed: Bool = InputDefaults.resolveFixed
    /// Ask the model before resolving a thread as fixed.
    package var verifyFixes: Bool = InputDefaults.verifyFixes
    /// Answer replies in this action's review threads without a command.
    package var replyInThreads: Bool = InputDefaults.replyInThreads
    /// Learn from the team: record what concessions teach, apply it, and keep the ledger of findings' fates.
    package var learn: Bool = InputDefaults.learn
    /// Also write the summary and walkthrough into the pull request's description.
    package var describe: Bool = InputDefaults.describe
    /// Review generated and vendored files too (`.gitattributes` and generated headers are not consulted).
    package var reviewGenerated: Bool = InputDefaults.reviewGenerated
    /// Read the repository's agent instruction files at the base and pass them to the model.
    package var agentInstructions: Bool = InputDefaults.agentInstructions
    /// Plan for time or for cost.
    package var optimize: Optimize = InputDefaults.optimize
    /// Lines of surrounding code shown above a hunk (`0`: none).
    package var contextLines: Int = InputDefaults.contextLines
    /// Build the checkout's symbol index and show related declarations (`symbol-index`).
    package var symbolIndex: Bool = InputDefaults.symbolIndex
    /// The repository's configuration file, read from the pull request's base.
    package var configFile: String = InputDefaults.configFile
    /// Names of the inputs the workflow set (non-empty), so they win over the configuration file.
    package var explicit: Set<String> = []

    /// Defaults for everything; used by the local CLI and tests.
    package init(
        githubToken: String? = nil,
        provider: Provider = .openai,
        openAIAPIKey: String? = nil,
        openAIBaseURL: URL? = nil,
        model: String = InputDefaults.model,
        maxPromptTokens: Int = InputDefaults.maxPromptTokens,
        maxConcurrency: Int = InputDefaults.maxConcurrency,
        include: [String] = [],
        exclude: [String] = [],
        maxComments: Int = InputDefaults.maxComments,
        minSeverity: Severity = InputDefaults.minSeverity,
        language: String = InputDefaults.language,
        instructions: String = InputDefaults.instructions,
        dryRun: Bool = InputDefaults.dryRun,
        failOn: FailLevel = InputDefaults.failOn,
        failOnError: Bool = InputDefaults.failOnError,
        incremental: Bool = InputDefaults.incremental,
        maxWaitSeconds: Int = InputDefaults.maxWaitSeconds,
        requestTimeoutSeconds: Int = InputDefaults.requestTimeoutSeconds
    ) {
        self.githubToken = githubToken
        self.provider = provider
        self.openAIAPIKey = openAIAPIKey
        self.openAIBaseURL = openAIBaseURL
        self.azureAPIVersion = ModelEndpoint.azureDefaultAPIVersion
        self.model = model
        self.maxPromptTokens = maxPromptTokens
        self.maxConcurrency = maxConcurrency
        self.include = include
        self.exclude = exclude
        self.maxComments = maxComments
        self.minSeverity = minSeverity
        self.language = language
        self.instructions = instructions
        self.dryRun = dryRun
        self.failOn = failOn
        self.failOnError = failOnError
        self.incremental = incremental
        self.maxWaitSeconds = maxWaitSeconds
        self.requestTimeoutSeconds = requestTimeoutSeconds
    }
}
