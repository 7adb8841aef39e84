/// Where the claim check asks whether a name is declared somewhere in the repository, beyond the code a request
/// showed (for example a symbol index of the checkout).
///
/// The check works without one: it then looks names up only in what the request showed the model.
package protocol DeclarationLookup: Sendable {
    /// Whether `identifier` (one component, such as `parseHeader`, never `Config.parseHeader`) is declared.
    func declares(_ identifier: String) -> Bool
}
