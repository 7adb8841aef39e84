/// Checks the names a finding cites against the code its request showed and, when there is one, the
/// repository's ``DeclarationLookup``.
///
/// A cited identifier is found when each of its parts is a token of the shown code or a declared name; a cited
/// text (not an identifier) when it appears verbatim in a shown line (``CitedName`` has the rules). A finding
/// that cites nothing is never unverified.
package struct ClaimVerifier: Sendable {
    /// Names declared in the repository beyond what a request showed; `nil` checks the request alone.
    package var declarations: (any DeclarationLookup)?

    /// A verifier that also asks `declarations`.
    package init(declarations: (any DeclarationLookup)? = nil) {
        self.declarations = declarations
    }

    /// The names `finding` cites that are found neither in `shown` nor in the lookup, as the model wrote them;
    /// empty when the finding is verified (or cites nothing).
    package func missingNames(_ finding: Finding, shown: ShownCode) -> [String] {
        var seen = Set<String>()
        return finding.identifiers.filter { raw in
            guard let name = CitedName(raw), seen.insert(raw).inserted else { return false }
            return !found(name, shown: shown)
        }
    }

    /// Whether `name` is in `shown` or declared.
    package func found(_ name: CitedName, shown: ShownCode) -> Bool {
        if shown.shows(name) { return true }
        guard let declarations, case .identifier(let parts) = name else { return false }
        return parts.allSatisfy { shown.tokens.contains($0) || declarations.declares($0) }
    }
}
