/// The action's step outputs: their names in `action.yml` order, and their values when a run did not set them.
package enum StepOutputs {
    /// Every output, in `action.yml` order.
    package static let names = [
        "review-id", "findings", "comments", "unverified-findings", "files-reviewed", "files-skipped", "model-requests",
        "prompt-tokens",
        "completion-tokens", "cost-usd", "sarif-file",
    ]

    /// Outputs that are empty rather than zero when unset (ids, paths, amounts that may be unknown).
    private static let emptyWhenUnset: Set<String> = ["review-id", "cost-usd", "sarif-file"]

    /// Every output in order: the given values, else `""` or `"0"`.
    package static func make(_ values: [String: String]) -> [(name: String, value: String)] {
        names.map { ($0, values[$0] ?? (emptyWhenUnset.contains($0) ? "" : "0")) }
    }
}
