/// A problem worth telling the user that did not stop the run: shown as an annotation and in the job summary.
///
/// Modelled on swift-openapi-generator's `Diagnostic`: code never matches on ``message``; it reads
/// ``severity`` and the optional location.
package struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How loud the diagnostic is.
    package enum Severity: String, Sendable, Equatable, Comparable {
        case note, warning, error

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs) ?? 0 < order.firstIndex(of: rhs) ?? 0
        }
    }

    package var severity: Severity
    /// One sentence for a person; may quote outside text, which the console escapes.
    package var message: String
    /// The file the diagnostic is about, relative to the repository.
    package var file: String?
    /// The line in ``file``.
    package var line: Int?

    /// Memberwise initialiser.
    package init(_ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
    }

    /// A warning with no location.
    package static func warning(_ message: String) -> Diagnostic { Diagnostic(.warning, message) }

    /// A note with no location.
    package static func note(_ message: String) -> Diagnostic { Diagnostic(.note, message) }

    package var description: String {
        let location = file.map { "\($0)" + (line.map { ":\($0)" } ?? "") + ": " } ?? ""
        return "\(severity.rawValue): \(location)\(message)"
    }
}
