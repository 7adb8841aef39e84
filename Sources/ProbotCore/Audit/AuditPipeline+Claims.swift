extension AuditPipeline {
    /// The claim check of an audit: findings citing a name found nowhere in their request's files or in
    /// ``declarations`` are recorded in ``AuditReport/unverified`` (so never in the SARIF log or the tracking
    /// issue's findings); the outcomes with the rest are returned for locating.
    func checkClaims(_ report: inout AuditReport) -> [BatchOutcome] {
        let checked = ClaimCheck.run(
            report.outcomes, verifier: ClaimVerifier(declarations: declarations),
            minSeverity: settings.review.minSeverity)
        report.unverified = checked.unverified
        return checked.outcomes
    }
}
