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

/// The audit's SARIF file in the workspace (`sarif-file`, relative to the workspace unless absolute).
package struct SarifFile: SarifSink {
    package var url: URL
    /// Hides every credential from the file, which is uploaded to GitHub.
    package var redactor: SecretRedactor

    /// The file `path` names under `workspace`.
    package init(path: String, workspace: URL, redactor: SecretRedactor) {
        self.url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workspace.appendingPathComponent(path)
        self.redactor = redactor
    }

    /// Why the file could not be written.
    package struct WriteError: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    package func write(_ report: AuditReport) throws -> String {
        do {
            try SarifWriter.write(report, to: url, redactor: redactor)
        } catch {
            throw WriteError(path: url.path, reason: "\(error)")
        }
        return url.path
    }
}
