import Foundation

/// The model's answer as ``ReviewSchema`` describes it: what few-shot example answers are encoded from, so an
/// example can never show the model a shape its strict schema would refuse.
package struct ReviewAnswer: Sendable, Equatable, Encodable {
    package var summary: String
    package var files: [FileChange]
    package var findings: [Finding]

    /// Memberwise initialiser.
    package init(summary: String, files: [FileChange], findings: [Finding]) {
        self.summary = summary
        self.files = files
        self.findings = findings
    }

    /// One finding on the wire: every key present, optional ones as `null` (strict mode requires them all).
    private struct WireFinding: Encodable {
        var finding: Finding

        enum CodingKeys: String, CodingKey {
            case path, line, side, severity, title, body, suggestion, identifiers
            case startLine = "start_line"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(finding.path, forKey: .path)
            try container.encode(finding.line, forKey: .line)
            try container.encode(finding.startLine, forKey: .startLine)
            try container.encode(finding.side.rawValue, forKey: .side)
            try container.encode(finding.severity.rawValue, forKey: .severity)
            try container.encode(finding.title, forKey: .title)
            try container.encode(finding.body, forKey: .body)
            try container.encode(finding.suggestion, forKey: .suggestion)
            try container.encode(finding.identifiers, forKey: .identifiers)
        }
    }

    private struct WireFile: Encodable {
        var path: String
        var change: String
    }

    enum CodingKeys: String, CodingKey { case summary, files, findings }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary, forKey: .summary)
        try container.encode(files.map { WireFile(path: $0.path, change: $0.change) }, forKey: .files)
        try container.encode(findings.map(WireFinding.init), forKey: .findings)
    }

    /// The answer as the model would write it: JSON with sorted keys.
    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
