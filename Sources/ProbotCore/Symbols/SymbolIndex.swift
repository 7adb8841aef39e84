/// The declarations of a repository's checkout by name: what the related-declarations block and the check of a
/// finding's claims look names up in. A plain value, built once per run.
package struct SymbolIndex: Sendable {
    /// Every declaration, in the order the indexer reported them.
    package private(set) var declarations: [SymbolDeclaration]
    private var positions: [String: [Int]]

    /// An index of `declarations`.
    package init(_ declarations: [SymbolDeclaration] = []) {
        self.declarations = declarations
        var positions: [String: [Int]] = [:]
        for (position, declaration) in declarations.enumerated() {
            positions[declaration.name, default: []].append(position)
        }
        self.positions = positions
    }

    /// Whether any tag has exactly this name (case-sensitive).
    package func declares(_ identifier: String) -> Bool { positions[identifier] != nil }

    /// The declarations named `identifier`, in index order; empty when there is none.
    package func declarations(named identifier: String) -> [SymbolDeclaration] {
        (positions[identifier] ?? []).map { declarations[$0] }
    }

    /// The one declaration of `identifier`, or `nil` when it has none or several.
    package func unique(_ identifier: String) -> SymbolDeclaration? {
        guard let found = positions[identifier], found.count == 1 else { return nil }
        return declarations[found[0]]
    }

    /// Declarations in the index.
    package var count: Int { declarations.count }

    /// Distinct files with at least one declaration.
    package var fileCount: Int { Set(declarations.map(\.path)).count }
}

/// The claim check asks the index whether a name a finding cites is declared anywhere in the checkout.
extension SymbolIndex: DeclarationLookup {}
