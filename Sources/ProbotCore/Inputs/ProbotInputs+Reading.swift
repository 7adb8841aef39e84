/// Reading the inputs from the environment: each input's type and range, and the rules across inputs.
extension ProbotInputs {
    /// Reads and validates every input, reporting all problems in one error.
    /// - Throws: ``InputError`` listing each invalid or missing input.
    package static func parse(_ environment: ActionEnvironment) throws(InputError) -> ProbotInputs {
        let (inputs, problems) = read(environment)
        guard problems.isEmpty else { throw InputError(problems: problems) }
        return inputs
    }

    /// Reads every input, falling back to the default where one is invalid; the problems, in reading order.
    package static func read(_ environment: ActionEnvironment) -> (inputs: ProbotInputs, problems: [InputProblem]) {
        var reader = InputReader(environment: environment)
        var inputs = ProbotInputs()
        inputs.dryRun = reader.bool("dry-run", default: InputDefaults.dryRun)
        inputs.githubToken = reader.optionalString("github-token")
        inputs.readModel(&reader)
        inputs.readModeAndAudit(&reader)
        inputs.readReview(&reader)
        inputs.readBehaviour(&reader)
        inputs.explicit = Set(ConfigMerge.configurable.filter { environment.input($0) != nil })
        inputs.checkAcrossInputs(&reader)
        return (inputs, reader.problems)
    }

    /// The provider, endpoint, model and prices.
    private mutating func readModel(_ reader: inout InputReader) {
        provider = reader.choice("provider", default: Provider.openai)
        openAIAPIKey = reader.optionalString("openai-api-key")
        openAIBaseURL = reader.optionalURL("openai-base-url")
        openAIOrganization = reader.optionalString("openai-organization")
        openAIProject = reader.optionalString("openai-project")
        azureEndpoint = reader.optionalURL("azure-endpoint")
        azureDeployment = reader.optionalString("azure-deployment")
        azureAPIVersion = reader.string("azure-api-version", default: ModelEndpoint.azureDefaultAPIVersion)
        reasoningEffort = reader.optionalString("reasoning-effort")
        if let effort = reasoningEffort, !["none", "minimal", "low", "medium", "high", "xhigh"].contains(effort) {
            reader.report(
                "`reasoning-effort` must be one of none, minimal, low, medium, high, xhigh (got \"\(effort)\")",
                input: "reasoning-effort")
        }
        let window = reader.integer("context-window", default: 0, in: 0...100_000_000)
        contextWindow = window > 0 ? window : nil
        modelLatencySeconds = reader.decimal("model-latency-seconds", atMost: 3_600)
        modelTokensPerSecond = reader.decimal("model-tokens-per-second", atMost: 1_000_000)
        priceInputPerMillion = reader.price("price-input-per-million", atMost: InputDefaults.maxPricePerMillion)
        priceOutputPerMillion = reader.price("price-output-per-million", atMost: InputDefaults.maxPricePerMillion)
        model = reader.string("model", default: InputDefaults.model)
        maxPromptTokens = reader.integer(
            "max-prompt-tokens", default: InputDefaults.maxPromptTokens, in: 0...10_000_000)
        requestTimeoutSeconds = reader.integer(
            "request-timeout-seconds", default: InputDefaults.requestTimeoutSeconds, in: 10...3_600)
    }

    /// `mode`, `pull-request`, who may run commands, and the audit's scope and outputs.
    private mutating func readModeAndAudit(_ reader: inout InputReader) {
        mode = reader.choice("mode", default: ModeInput.auto)
        pullRequest = reader.optionalString("pull-request")
        let associations = reader.list("allowed-associations").map { $0.uppercased() }
        if !associations.isEmpty { allowedAssociations = Set(associations) }
        auditPaths = reader.list("audit-paths")
        maxFiles = reader.integer("max-files", default: 0, in: 0...1_000_000)
        maxCostUSD = reader.decimal("max-cost-usd") ?? 0
        if let text = reader.optionalString("shard") {
            if let parsed = Shard(text) {
                shard = parsed
            } else {
                reader.report("`shard` must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (got \"\(text)\")", input: "shard")
            }
        }
        sarifFile = reader.string("sarif-file", default: InputDefaults.sarifFile)
        auditLabel = reader.string("audit-label", default: InputDefaults.auditLabel)
        auditMaxFileBytes = reader.integer(
            "audit-max-file-bytes", default: InputDefaults.auditMaxFileBytes, in: 1_000...50_000_000)
    }

    /// What is reviewed and how findings are filtered and worded.
    private mutating func readReview(_ reader: inout InputReader) {
        examplesFile = reader.optionalString("examples-file")
        maxConcurrency = reader.integer("max-concurrency", default: InputDefaults.maxConcurrency, in: 1...64)
        include = reader.list("include")
        exclude = reader.list("exclude")
        maxComments = reader.integer("max-comments", default: InputDefaults.maxComments, in: 0...1000)
        minSeverity = reader.choice("min-severity", default: InputDefaults.minSeverity)
        language = reader.string("language", default: InputDefaults.language)
        instructions = reader.string("instructions", default: InputDefaults.instructions)
        contextLines = reader.integer("context-lines", default: InputDefaults.contextLines, in: 0...1_000)
        symbolIndex = reader.bool("symbol-index", default: InputDefaults.symbolIndex)
        reviewGenerated = reader.bool("review-generated", default: InputDefaults.reviewGenerated)
        agentInstructions = reader.bool("agent-instructions", default: InputDefaults.agentInstructions)
    }

    /// Failing the step, waiting, and what the action does besides the review.
    private mutating func readBehaviour(_ reader: inout InputReader) {
        failOn = reader.choice("fail-on", default: InputDefaults.failOn)
        failOnError = reader.bool("fail-on-error", default: InputDefaults.failOnError)
        incremental = reader.bool("incremental", default: InputDefaults.incremental)
        maxWaitSeconds = reader.integer("max-wait-seconds", default: InputDefaults.maxWaitSeconds, in: 0...21_600)
        configFile = reader.string("config-file", default: InputDefaults.configFile)
        describe = reader.bool("describe", default: InputDefaults.describe)
        optimize = reader.choice("optimize", default: InputDefaults.optimize)
        resolveFixed = reader.bool("resolve-fixed", default: InputDefaults.resolveFixed)
        verifyFixes = reader.bool("verify-fixes", default: InputDefaults.verifyFixes)
        replyInThreads = reader.bool("reply-in-threads", default: InputDefaults.replyInThreads)
        learn = reader.bool("learn", default: InputDefaults.learn)
    }

    /// Rules that involve more than one input, or an input's shape beyond its type.
    private func checkAcrossInputs(_ reader: inout InputReader) {
        let files: [(name: String, path: String?)] = [("config-file", configFile), ("examples-file", examplesFile)]
        for (name, path) in files {
            guard let path else { continue }
            do throws(WorkspacePathError) {
                try WorkspacePath.validate(path)
            } catch {
                reader.report("`\(name)` \(error)", input: name)
            }
        }
        if maxPromptTokens > 0 && maxPromptTokens < ReviewBudget.minimumPromptTokens {
            reader.report(
                "`max-prompt-tokens` must be 0 (derive from the model) or at least \(ReviewBudget.minimumPromptTokens) (got \(maxPromptTokens))",
                input: "max-prompt-tokens")
        }
        for pattern in include + exclude where pattern.contains("[") {
            reader.report("glob pattern \"\(pattern)\" uses brackets, which are not supported; use * ? and ** only")
        }
        if !dryRun { Self.reportMissingCredentials(self, to: &reader) }
        if githubToken == nil {
            reader.report(
                "`github-token` is empty; leave it at its default `${{ github.token }}` or pass a token",
                input: "github-token")
        }
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
