/// A finding of an audit, with whether it points at a real line of an audited file.
package struct AuditFinding: Sendable, Equatable {
    package var finding: Finding
    /// `nil` when the path and line are in an audited file; else why not (still reported, without a location).
    package var unlocated: String?

    /// Memberwise initialiser.
    package init(finding: Finding, unlocated: String?) {
        self.finding = finding
        self.unlocated = unlocated
    }
}

/// Everything an audit did, for the job summary, the SARIF file, the tracking issue and the outputs.
package struct AuditReport: Sendable, Equatable {
    package var repository: String
    package var commit: String = ""
    package var shard: Shard?
    package var model: String
    package var modelInfo: ModelInfo
    package var dryRun: Bool
    package var plan: BatchPlan
    package var outcomes: [BatchOutcome] = []
    /// Files in scope for this shard (audited or skipped).
    package var filesInScope: Int = 0
    /// Files that belong to other shards.
    package var otherShards: Int = 0
    /// Files the model saw.
    package var audited: [String] = []
    /// Line counts of the audited files.
    package var lineCounts: [String: Int] = [:]
    package var skipped: [SkippedFile] = []
    package var findings: [AuditFinding] = []
    package var belowMinSeverity: Int = 0
    /// Findings that cite code found nowhere (``ClaimCheck``): left out of the SARIF log, listed in the summary.
    package var unverified: [UnverifiedFinding] = []
    package var duration: Duration = .zero
    /// Problems that did not stop the audit.
    package var diagnostics: [Diagnostic] = []

    /// Memberwise initialiser for the required parts.
    package init(repository: String, model: String, modelInfo: ModelInfo, dryRun: Bool, plan: BatchPlan) {
        self.repository = repository
        self.model = model
        self.modelInfo = modelInfo
        self.dryRun = dryRun
        self.plan = plan
    }

    /// Tokens billed.
    package var usage: TokenUsage { outcomes.reduce(.zero) { $0 + $1.usage } }
    /// Estimated cost in US dollars, `nil` when the price is unknown.
    package var costUSD: Double? {
        modelInfo.cost(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
    }

    /// Files not (fully) audited: skipped up front, or in a failed or held-back request.
    package var notAudited: [SkippedFile] {
        skipped
            + outcomes.filter { $0.review == nil }.flatMap { outcome -> [SkippedFile] in
                guard let failure = outcome.failure else { return [] }
                let reason: SkipReason =
                    outcome.heldBackByCostCap ? .capReached("max-cost-usd") : .modelFailed(failure.publicDescription)
                return outcome.batch.paths.map { SkippedFile(path: $0, reason: reason) }
            }
    }

    /// Files the model reviewed successfully.
    package var auditedSuccessfully: [String] {
        var seen = Set<String>()
        return outcomes.filter { $0.review != nil }.flatMap(\.batch.paths).filter { seen.insert($0).inserted }
    }

    /// Step outputs of an audit.
    package func outputs(sarifPath: String) -> [(name: String, value: String)] {
        StepOutputs.make([
            "findings": String(findings.count),
            "unverified-findings": String(unverified.count),
            "files-reviewed": String(dryRun ? plan.reviewedPaths.count : auditedSuccessfully.count),
            "files-skipped": String(Set(notAudited.map(\.path)).count),
            "model-requests": String(outcomes.filter { $0.usage != .zero || $0.review != nil }.count),
            "prompt-tokens": String(dryRun ? plan.promptTokens : usage.promptTokens),
            "completion-tokens": String(usage.completionTokens),
            "cost-usd": costUSD.map { Format.usd($0) } ?? "",
            "sarif-file": sarifPath,
        ])
    }
}
