/// One problem the model reported.
package struct Finding: Sendable, Equatable, Hashable, Codable {
    package var path: String
    /// Last line of the range on `side`.
    package var line: Int
    /// First line of a multi-line range, else `nil`.
    package var startLine: Int?
    package var side: DiffSide
    package var severity: Severity
    package var title: String
    package var body: String
    /// Replacement text for the cited lines, else `nil`.
    package var suggestion: String?
    /// Names from the code shown that the finding is about (``ClaimVerifier`` looks each up); empty when none.
    package var identifiers: [String]

    enum CodingKeys: String, CodingKey {
        case path, line, side, severity, title, body, suggestion, identifiers
        case startLine = "start_line"
    }

    /// Memberwise initialiser.
    package init(
        path: String, line: Int, startLine: Int? = nil, side: DiffSide = .right, severity: Severity, title: String,
        body: String, suggestion: String? = nil, identifiers: [String] = []
    ) {
        self.path = path
        self.line = line
        self.startLine = startLine
        self.side = side
        self.severity = severity
        self.title = title
        self.body = body
        self.suggestion = suggestion
        self.identifiers = identifiers
    }

    /// Decodes a finding; `identifiers` may be absent (read as none).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        line = try container.decode(Int.self, forKey: .line)
        startLine = try container.decodeIfPresent(Int.self, forKey: .startLine)
        side = try container.decode(DiffSide.self, forKey: .side)
        severity = try container.decode(Severity.self, forKey: .severity)
        title = try container.decode(String.self, forKey: .title)
        body = try container.decode(String.self, forKey: .body)
        suggestion = try container.decodeIfPresent(String.self, forKey: .suggestion)
        identifiers = try container.decodeIfPresent([String].self, forKey: .identifiers) ?? []
    }
}

/// The model's answer for one batch.
package struct ModelReview: Sendable, Equatable {
    package var summary: String
    package var findings: [Finding]
    /// Findings the parser could not read, with why (kept for the report, never silently lost).
    package var unreadable: [String]
    /// One line per file on what changed in it.
    package var files: [FileChange]

    /// Memberwise initialiser.
    package init(summary: String, findings: [Finding], unreadable: [String] = [], files: [FileChange] = []) {
        self.summary = summary
        self.findings = findings
        self.unreadable = unreadable
        self.files = files
    }
}

/// What changed in one file, in the model's words.
package struct FileChange: Sendable, Equatable {
    package var path: String
    package var change: String

    /// Memberwise initialiser.
    package init(path: String, change: String) {
        self.path = path
        self.change = change
    }
}
