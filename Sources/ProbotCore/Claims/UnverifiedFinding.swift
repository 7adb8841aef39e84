/// A finding that names code found nowhere: not in the request it came from, nor in the ``DeclarationLookup``.
/// It is not posted (neither inline nor in the review body); the job summary lists it.
package struct UnverifiedFinding: Sendable, Equatable {
    /// The finding as the model wrote it.
    package var finding: Finding
    /// The names it cited that were not found, as the model wrote them.
    package var missing: [String]
    /// The label of the request that produced it (`3`, or `3.1` for a retried half).
    package var request: String

    /// Memberwise initialiser.
    package init(finding: Finding, missing: [String], request: String) {
        self.finding = finding
        self.missing = missing
        self.request = request
    }
}
