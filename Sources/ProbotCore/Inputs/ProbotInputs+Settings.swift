/// The narrow views each stage gets of the inputs; each is defined once, here.
extension ProbotInputs {
    /// The model's profile: catalog entry with the overrides, budget and request policy.
    package var modelProfile: ModelProfile {
        ModelProfile(
            name: model, contextWindow: contextWindow, inputPricePerMillion: priceInputPerMillion,
            outputPricePerMillion: priceOutputPerMillion, maxPromptTokens: maxPromptTokens,
            reasoningEffort: reasoningEffort, latencySeconds: modelLatencySeconds,
            tokensPerSecond: modelTokensPerSecond)
    }

    /// What the review stages need.
    package var reviewSettings: ReviewSettings {
        var settings = ReviewSettings()
        settings.include = include
        settings.exclude = exclude
        settings.language = language
        settings.instructions = instructions
        settings.minSeverity = minSeverity
        settings.maxComments = maxComments
        settings.maxConcurrency = maxConcurrency
        settings.incremental = incremental
        settings.dryRun = dryRun
        settings.explicitInputs = explicit
        settings.contextLines = contextLines
        settings.describe = describe
        settings.reviewGenerated = reviewGenerated
        settings.readsAgentInstructions = agentInstructions
        settings.optimize = optimize
        settings.resolveFixed = resolveFixed
        settings.learn = learn
        settings.verifyFixes = verifyFixes
        return settings
    }

    /// What the audit needs.
    package var auditSettings: AuditSettings {
        var settings = AuditSettings()
        settings.review = reviewSettings
        settings.paths = auditPaths
        settings.shard = shard
        settings.maxFiles = maxFiles
        settings.maxCostUSD = maxCostUSD
        settings.sarifFile = sarifFile
        settings.label = auditLabel
        settings.maxFileBytes = auditMaxFileBytes
        return settings
    }

    /// When a finished run fails the step.
    package var failurePolicy: FailurePolicy { FailurePolicy(failOn: failOn, failOnError: failOnError) }
}
