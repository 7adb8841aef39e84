extension ReviewEngine {
    /// Stage *check claims* (inside *place*): findings that cite a name found nowhere in their request's code or
    /// in ``declarations`` are taken out of the outcomes, to be listed rather than posted.
    package func checkClaims(_ outcomes: [BatchOutcome]) -> ClaimCheck.Result {
        ClaimCheck.run(
            outcomes, verifier: ClaimVerifier(declarations: declarations), minSeverity: settings.minSeverity)
    }
}

extension PlacementResult {
    /// This placement with the claim check's unverified findings (and their repeats) recorded.
    package func adding(_ checked: ClaimCheck.Result) -> PlacementResult {
        var result = self
        result.unverified += checked.unverified
        result.duplicates += checked.duplicates
        return result
    }
}
