/// The audit's share of the inputs: the review settings it shares, plus scope, caps and where results go.
package struct AuditSettings: Sendable {
    /// Filters, language, instructions, severity and concurrency, as for a review.
    package var review = ReviewSettings()
    /// Paths or globs from `audit-paths`; empty means the whole repository.
    package var paths: [String] = []
    /// Audit only one deterministic slice of the files.
    package var shard: Shard?
    /// Files the model sees at most (0: no cap).
    package var maxFiles = 0
    /// US dollars to spend at most (0: no cap).
    package var maxCostUSD = 0.0
    /// SARIF path, relative to the workspace unless absolute.
    package var sarifFile = InputDefaults.sarifFile
    /// Label of the tracking issue.
    package var label = InputDefaults.auditLabel
    /// Files larger than this are not audited.
    package var maxFileBytes = InputDefaults.auditMaxFileBytes

    /// Defaults for everything.
    package init() {}

    /// Which files of the repository are in scope.
    package var scope: AuditScope {
        AuditScope(filter: review.filter, paths: paths, shard: shard, maxFiles: maxFiles)
    }
}
