package import Foundation

/// The validated configuration of one run, read from the workflow inputs.
package struct ProbotInputs: Sendable, Equatable {
    /// Token for the GitHub REST API.
    package var githubToken: String?
    /// Key for the model endpoint; not needed for a dry run.
    package var openAIAPIKey: String?
    /// Base URL of an OpenAI-compatible API, up to and including `/v1`.
    package var openAIBaseURL: URL
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

    /// Defaults for everything; used by the local CLI and tests.
    package init(
        githubToken: String? = nil,
        openAIAPIKey: String? = nil,
        openAIBaseURL: URL = Defaults.openAIBaseURL,
        model: String = Defaults.model,
        maxPromptTokens: Int = 0,
        maxConcurrency: Int = 4,
        include: [String] = [],
        exclude: [String] = [],
        maxComments: Int = 25,
        minSeverity: Severity = .minor,
        language: String = "English",
        instructions: String = "",
        dryRun: Bool = false,
        failOn: FailLevel = .none,
        failOnError: Bool = false,
        incremental: Bool = true,
        maxWaitSeconds: Int = 300,
        requestTimeoutSeconds: Int = 180
    ) {
        self.githubToken = githubToken
        self.openAIAPIKey = openAIAPIKey
        self.openAIBaseURL = openAIBaseURL
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

    /// Default values shared by `action.yml`, the CLI and the parser.
    package enum Defaults {
        /// OpenAI's public API.
        package static let openAIBaseURL = URL(string: "https://api.openai.com/v1") ?? URL(fileURLWithPath: "/")
        /// A cheap model with structured outputs and a large context.
        package static let model = "gpt-4.1-mini"
    }

    /// Reads and validates every input, reporting all problems in one error.
    /// - Throws: ``InputError`` listing each invalid or missing input.
    package static func parse(_ environment: ActionEnvironment) throws(InputError) -> ProbotInputs {
        var reader = InputReader(environment: environment)
        var inputs = ProbotInputs()
        inputs.dryRun = reader.bool("dry-run", default: false)
        inputs.githubToken = reader.optionalString("github-token")
        inputs.openAIAPIKey = reader.optionalString("openai-api-key")
        inputs.openAIBaseURL = reader.url("openai-base-url", default: Defaults.openAIBaseURL.absoluteString)
        inputs.model = reader.string("model", default: Defaults.model)
        inputs.maxPromptTokens = reader.integer("max-prompt-tokens", default: 0, in: 0...10_000_000)
        inputs.maxConcurrency = reader.integer("max-concurrency", default: 4, in: 1...64)
        inputs.include = reader.list("include")
        inputs.exclude = reader.list("exclude")
        inputs.maxComments = reader.integer("max-comments", default: 25, in: 0...1000)
        inputs.minSeverity = reader.choice("min-severity", default: Severity.minor)
        inputs.language = reader.string("language", default: "English")
        inputs.instructions = reader.string("instructions", default: "")
        inputs.failOn = reader.choice("fail-on", default: FailLevel.none)
        inputs.failOnError = reader.bool("fail-on-error", default: false)
        inputs.incremental = reader.bool("incremental", default: true)
        inputs.maxWaitSeconds = reader.integer("max-wait-seconds", default: 300, in: 0...21_600)
        inputs.requestTimeoutSeconds = reader.integer("request-timeout-seconds", default: 180, in: 10...3_600)
        if inputs.maxPromptTokens > 0 && inputs.maxPromptTokens < ReviewBudget.minimumPromptTokens {
            reader.report(
                "`max-prompt-tokens` must be 0 (derive from the model) or at least \(ReviewBudget.minimumPromptTokens) (got \(inputs.maxPromptTokens))"
            )
        }
        for pattern in inputs.include + inputs.exclude where pattern.contains("[") {
            reader.report("glob pattern \"\(pattern)\" uses brackets, which are not supported; use * ? and ** only")
        }
        if !inputs.dryRun {
            if inputs.openAIAPIKey == nil {
                reader.report(
                    "`openai-api-key` is required unless `dry-run` is true; map your secret with `openai-api-key: ${{ secrets.OPENAI_API_KEY }}`"
                )
            }
        }
        if inputs.githubToken == nil {
            reader.report("`github-token` is empty; leave it at its default `${{ github.token }}` or pass a token")
        }
        guard reader.problems.isEmpty else { throw InputError(problems: reader.problems) }
        return inputs
    }
}
