/// Replaces known secrets with `***` in any text that may be printed.
package struct SecretRedactor: Sendable {
    private let secrets: [String]

    /// Redacts the non-empty `secrets` (values shorter than 4 characters are ignored to avoid mangling text).
    package init(_ secrets: [String?]) {
        self.secrets = secrets.compactMap { $0 }.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced.
    package func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: "***") }
    }
}
