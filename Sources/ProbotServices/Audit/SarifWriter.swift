package import Foundation
package import ProbotCore

/// Writes an audit's SARIF 2.1.0 log.
package enum SarifWriter {
    /// The tool version recorded in the log.
    package static let toolVersion = "1.0.0"

    /// Writes the log to `url`, creating folders as needed.
    package static func write(_ report: AuditReport, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(SarifBuilder.make(report, toolVersion: toolVersion)).write(to: url)
    }
}
