/// One declaration in the repository, as the symbol index (Universal Ctags) reported it.
///
/// Every field comes from a file in the checkout, which a pull request's author controls: it is data to show
/// (fenced) and to match names against, never anything to run or open outside the workspace.
package struct SymbolDeclaration: Sendable, Hashable, Codable {
    /// The declared name, an identifier (`ensureTotals`).
    package var name: String
    /// The file, relative to the workspace root (`Sources/Cart/Totals.swift`).
    package var path: String
    /// The 1-based line the declaration starts on.
    package var line: Int
    /// What it declares (`function`, `struct`, `variable`, …).
    package var kind: String
    /// The enclosing type or namespace, when the parser reports one.
    package var scope: String?
    /// The parameter list, when the parser reports one (`(cart: Cart) -> Totals?`).
    package var signature: String?

    /// Memberwise initialiser.
    package init(
        name: String, path: String, line: Int, kind: String, scope: String? = nil, signature: String? = nil
    ) {
        self.name = name
        self.path = path
        self.line = line
        self.kind = kind
        self.scope = scope
        self.signature = signature
    }
}
