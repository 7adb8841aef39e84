package import Foundation
package import ProbotCore

/// Writes an audit's SARIF 2.1.0 log.
package enum SarifWriter {
    /// The tool version recorded in the log.
    package static let toolVersion = "1.0.0"

    /// Writes the log to `url`, creating folders as needed; `redactor` hides every credential (the file is
    /// uploaded to GitHub).
    package static func write(_ report: AuditReport, to url: URL, redactor: SecretRedactor = SecretRedactor([])) throws
    {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(SarifBuilder.make(report, toolVersion: toolVersion))
        try Data(redactor.redact(String(decoding: json, as: UTF8.self)).utf8).write(to: url)
    }
}
