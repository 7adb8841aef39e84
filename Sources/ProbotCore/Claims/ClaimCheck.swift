/// The claim check over a run's answers: each finding at or above `min-severity` that cites a name found
/// nowhere is taken out of its outcome and returned as an ``UnverifiedFinding``.
///
/// Findings below `min-severity` are left for placement, which sets them aside anyway. Exact repeats of an
/// unverified finding are counted in ``Result/duplicates`` and listed once.
package enum ClaimCheck {
    /// The outcomes with only verified findings, and what was taken out.
    package struct Result: Sendable, Equatable {
        /// The outcomes as they came, minus unverified findings.
        package var outcomes: [BatchOutcome]
        /// The findings taken out, in answer order.
        package var unverified: [UnverifiedFinding]
        /// Exact repeats of an unverified finding, not listed again.
        package var duplicates: Int
    }

    /// Checks every finding of `outcomes` against the code of its own request.
    package static func run(_ outcomes: [BatchOutcome], verifier: ClaimVerifier, minSeverity: Severity) -> Result {
        var result = Result(outcomes: [], unverified: [], duplicates: 0)
        var seen = Set<Finding>()
        for var outcome in outcomes {
            guard var review = outcome.review, review.findings.contains(where: { !$0.identifiers.isEmpty }) else {
                result.outcomes.append(outcome)
                continue
            }
            let shown = ShownCode(batch: outcome.batch)
            review.findings = review.findings.filter { finding in
                guard finding.severity >= minSeverity else { return true }
                let missing = verifier.missingNames(finding, shown: shown)
                guard !missing.isEmpty else { return true }
                if seen.insert(finding).inserted {
                    result.unverified.append(
                        UnverifiedFinding(finding: finding, missing: missing, request: outcome.batch.label))
                } else {
                    result.duplicates += 1
                }
                return false
            }
            outcome.result = .reviewed(review)
            result.outcomes.append(outcome)
        }
        return result
    }
}
