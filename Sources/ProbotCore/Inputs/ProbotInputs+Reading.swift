/// Reading the inputs from the environment: each input's type and range, and the rules across inputs.
extension ProbotInputs {
    /// Reads and validates every input, reporting all problems in one error.
    /// - Throws: ``InputError`` listing each invalid or missing input.
    package static func parse(_ environment: ActionEnvironment) throws(InputError) -> ProbotInputs {
        let (inputs, problems) = read(environment)
        guard problems.isEmpty else { throw InputError(problems: problems) }
        return inputs
    }

    /// Reads every input, falling back to the default where one is invalid; the problems, in input order.
    package static func read(_ environment: ActionEnvironment) -> (inputs: ProbotInputs, problems: [InputProblem]) {
        var reader = InputReader(environment: environment)
        var inputs = ProbotInputs()
        inputs.dryRun = reader.bool("dry-run", default: InputDefaults.dryRun)
        inputs.githubToken = reader.optionalString("github-token")
        inputs.provider = reader.choice("provider", default: Provider.openai)
        inputs.openAIAPIKey = reader.optionalString("openai-api-key")
        inputs.openAIBaseURL = reader.optionalURL("openai-base-url")
        inputs.openAIOrganization = reader.optionalString("openai-organization")
        inputs.openAIProject = reader.optionalString("openai-project")
        inputs.azureEndpoint = reader.optionalURL("azure-endpoint")
        inputs.azureDeployment = reader.optionalString("azure-deployment")
        inputs.azureAPIVersion = reader.string("azure-api-version", default: ModelEndpoint.azureDefaultAPIVersion)
        inputs.reasoningEffort = reader.optionalString("reasoning-effort")
        if let effort = inputs.reasoningEffort, !["none", "minimal", "low", "medium", "high", "xhigh"].contains(effort)
        {
            reader.report(
                "`reasoning-effort` must be one of none, minimal, low, medium, high, xhigh (got \"\(effort)\")",
                input: "reasoning-effort")
        }
        let window = reader.integer("context-window", default: 0, in: 0...100_000_000)
        inputs.contextWindow = window > 0 ? window : nil
        inputs.priceInputPerMillion = reader.price("price-input-per-million", atMost: InputDefaults.maxPricePerMillion)
        inputs.priceOutputPerMillion = reader.price(
            "price-output-per-million", atMost: InputDefaults.maxPricePerMillion)
        inputs.mode = reader.choice("mode", default: ModeInput.auto)
        inputs.pullRequest = reader.optionalString("pull-request")
        let associations = reader.list("allowed-associations").map { $0.uppercased() }
        if !associations.isEmpty { inputs.allowedAssociations = Set(associations) }
        inputs.auditPaths = reader.list("audit-paths")
        inputs.maxFiles = reader.integer("max-files", default: 0, in: 0...1_000_000)
        inputs.maxCostUSD = reader.decimal("max-cost-usd") ?? 0
        if let shard = reader.optionalString("shard") {
            if let parsed = Shard(shard) {
                inputs.shard = parsed
            } else {
                reader.report("`shard` must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (got \"\(shard)\")", input: "shard")
            }
        }
        inputs.sarifFile = reader.string("sarif-file", default: InputDefaults.sarifFile)
        inputs.auditLabel = reader.string("audit-label", default: InputDefaults.auditLabel)
        inputs.auditMaxFileBytes = reader.integer(
            "audit-max-file-bytes", default: InputDefaults.auditMaxFileBytes, in: 1_000...50_000_000)
        inputs.examplesFile = reader.optionalString("examples-file")
        inputs.model = reader.string("model", default: InputDefaults.model)
        inputs.maxPromptTokens = reader.integer(
            "max-prompt-tokens", default: InputDefaults.maxPromptTokens, in: 0...10_000_000)
        inputs.maxConcurrency = reader.integer("max-concurrency", default: InputDefaults.maxConcurrency, in: 1...64)
        inputs.include = reader.list("include")
        inputs.exclude = reader.list("exclude")
        inputs.maxComments = reader.integer("max-comments", default: InputDefaults.maxComments, in: 0...1000)
        inputs.minSeverity = reader.choice("min-severity", default: InputDefaults.minSeverity)
        inputs.language = reader.string("language", default: InputDefaults.language)
        inputs.instructions = reader.string("instructions", default: InputDefaults.instructions)
        inputs.failOn = reader.choice("fail-on", default: InputDefaults.failOn)
        inputs.failOnError = reader.bool("fail-on-error", default: InputDefaults.failOnError)
        inputs.incremental = reader.bool("incremental", default: InputDefaults.incremental)
        inputs.maxWaitSeconds = reader.integer(
            "max-wait-seconds", default: InputDefaults.maxWaitSeconds, in: 0...21_600)
        inputs.configFile = reader.string("config-file", default: InputDefaults.configFile)
        inputs.describe = reader.bool("describe", default: InputDefaults.describe)
        inputs.reviewGenerated = reader.bool("review-generated", default: InputDefaults.reviewGenerated)
        inputs.optimize = reader.choice("optimize", default: InputDefaults.optimize)
        inputs.resolveFixed = reader.bool("resolve-fixed", default: InputDefaults.resolveFixed)
        inputs.verifyFixes = reader.bool("verify-fixes", default: InputDefaults.verifyFixes)
        inputs.replyInThreads = reader.bool("reply-in-threads", default: InputDefaults.replyInThreads)
        inputs.contextLines = reader.integer("context-lines", default: InputDefaults.contextLines, in: 0...1_000)
        inputs.symbolIndex = reader.bool("symbol-index", default: InputDefaults.symbolIndex)
        inputs.explicit = Set(ConfigMerge.configurable.filter { environment.input($0) != nil })
        inputs.requestTimeoutSeconds = reader.integer(
            "request-timeout-seconds", default: InputDefaults.requestTimeoutSeconds, in: 10...3_600)
        let files: [(name: String, path: String?)] = [
            ("config-file", inputs.configFile), ("examples-file", inputs.examplesFile),
        ]
        for (name, path) in files {
            guard let path else { continue }
            do throws(WorkspacePathError) {
                try WorkspacePath.validate(path)
            } catch {
                reader.report("`\(name)` \(error)", input: name)
            }
        }
        if inputs.maxPromptTokens > 0 && inputs.maxPromptTokens < ReviewBudget.minimumPromptTokens {
            reader.report(
                "`max-prompt-tokens` must be 0 (derive from the model) or at least \(ReviewBudget.minimumPromptTokens) (got \(inputs.maxPromptTokens))",
                input: "max-prompt-tokens")
        }
        for pattern in inputs.include + inputs.exclude where pattern.contains("[") {
            reader.report("glob pattern \"\(pattern)\" uses brackets, which are not supported; use * ? and ** only")
        }
        if !inputs.dryRun { reportMissingCredentials(inputs, to: &reader) }
        if inputs.githubToken == nil {
            reader.report(
                "`github-token` is empty; leave it at its default `${{ github.token }}` or pass a token",
                input: "github-token")
        }
        return (inputs, reader.problems)
    }

    /// What the chosen provider needs to make a model call.
    private static func reportMissingCredentials(_ inputs: ProbotInputs, to reader: inout InputReader) {
        switch inputs.provider {
        case .openai where inputs.openAIAPIKey == nil:
            reader.report(
                "`openai-api-key` is required unless `dry-run` is true; map your secret with `openai-api-key: ${{ secrets.OPENAI_API_KEY }}`",
                input: "openai-api-key")
        case .azure:
            if inputs.openAIAPIKey == nil {
                reader.report(
                    "`openai-api-key` is required for Azure: pass the resource's key (sent as the `api-key` header)",
                    input: "openai-api-key")
            }
            if inputs.azureEndpoint == nil {
                reader.report(
                    "`azure-endpoint` is required for Azure, e.g. https://RESOURCE.openai.azure.com",
                    input: "azure-endpoint")
            }
            if inputs.azureDeployment == nil {
                reader.report(
                    "`azure-deployment` is required for Azure: the name of your model deployment",
                    input: "azure-deployment")
            }
        case .openAICompatible where inputs.openAIBaseURL == nil:
            reader.report(
                "`openai-base-url` is required for an OpenAI-compatible server, e.g. http://localhost:11434/v1",
                input: "openai-base-url")
        default:
            break
        }
    }
}
