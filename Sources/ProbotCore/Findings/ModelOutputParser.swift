import Foundation

/// Why a model answer could not be used at all.
package enum ModelOutputError: Error, Equatable, CustomStringConvertible {
    /// No JSON object in the text.
    case notJSON(excerpt: String)
    /// A JSON object without a `findings` array.
    case wrongShape(String)

    package var description: String {
        switch self {
        case .notJSON(let excerpt): "the model's answer is not JSON: \"\(excerpt)\""
        case .wrongShape(let why): "the model's JSON does not match the review schema: \(why)"
        }
    }
}

/// Reads the model's JSON answer tolerantly: code fences and prose around the object are ignored, field values
/// in slightly wrong types are coerced, and a malformed finding is recorded without sinking the others.
package enum ModelOutputParser {
    /// Parses `content`.
    /// - Throws: ``ModelOutputError`` when there is no usable JSON object.
    package static func parse(_ content: String) throws(ModelOutputError) -> ModelReview {
        guard let json = extractObject(content) else {
            throw .notJSON(excerpt: String(content.trimmingWhitespace().prefix(120)))
        }
        let findingsValue = json["findings"] ?? json["comments"] ?? json["issues"]
        guard let list = findingsValue?.arrayValue else {
            throw .wrongShape("no `findings` array")
        }
        var findings: [Finding] = []
        var unreadable: [String] = []
        for (index, item) in list.enumerated() {
            switch finding(from: item) {
            case .success(let finding): findings.append(finding)
            case .failure(let why): unreadable.append("finding \(index + 1): \(why.reason)")
            }
        }
        let files = (json["files"]?.arrayValue ?? []).compactMap { item -> FileChange? in
            guard let path = item["path"]?.stringValue?.trimmingWhitespace(), !path.isEmpty,
                let change = item["change"]?.stringValue?.trimmingWhitespace(), !change.isEmpty
            else { return nil }
            return FileChange(path: path.hasPrefix("/") ? String(path.dropFirst()) : path, change: change)
        }
        return ModelReview(
            summary: json["summary"]?.stringValue ?? "", findings: findings, unreadable: unreadable, files: files)
    }

    /// The first top-level JSON object in `text`, skipping fences and prose.
    static func extractObject(_ text: String) -> JSONValue? {
        let decoder = JSONDecoder()
        if let data = text.data(using: .utf8), let value = try? decoder.decode(JSONValue.self, from: data),
            case .object = value
        {
            return value
        }
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else { return nil }
        guard let data = String(text[open...close]).data(using: .utf8),
            let value = try? decoder.decode(JSONValue.self, from: data), case .object = value
        else { return nil }
        return value
    }

    /// The names a finding cites: strings of its `identifiers` array (a lone string is one name), blanks dropped.
    static func identifiers(in value: JSONValue) -> [String] {
        let items = value["identifiers"]?.arrayValue ?? value["identifiers"]?.stringValue.map { [.string($0)] } ?? []
        return items.compactMap { $0.stringValue?.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    struct Unreadable: Error {
        var reason: String
    }

    private static func finding(from value: JSONValue) -> Result<Finding, Unreadable> {
        guard case .object = value else { return .failure(Unreadable(reason: "not an object")) }
        guard let path = value["path"]?.stringValue?.trimmingWhitespace(), !path.isEmpty else {
            return .failure(Unreadable(reason: "missing `path`"))
        }
        guard let line = value["line"]?.intValue, line > 0 else {
            return .failure(Unreadable(reason: "missing or invalid `line` for \(path)"))
        }
        let title = value["title"]?.stringValue?.trimmingWhitespace() ?? ""
        let body = value["body"]?.stringValue?.trimmingWhitespace() ?? ""
        guard !title.isEmpty || !body.isEmpty else {
            return .failure(Unreadable(reason: "no `title` or `body` for \(path):\(line)"))
        }
        let side = value["side"]?.stringValue.flatMap { DiffSide(rawValue: $0.uppercased()) } ?? .right
        let severity = value["severity"]?.stringValue.flatMap { Severity(rawValue: $0.lowercased()) } ?? .minor
        let startLine = value["start_line"]?.intValue
        // An empty suggestion is read as "none": models use "" for null far more often than to mean "delete".
        var suggestion = value["suggestion"]?.stringValue
        if suggestion?.trimmingWhitespace().isEmpty == true { suggestion = nil }
        return .success(
            Finding(
                path: path.hasPrefix("/") ? String(path.dropFirst()) : path, line: line,
                startLine: startLine.flatMap { $0 > 0 ? $0 : nil }, side: side, severity: severity,
                title: title.isEmpty ? String(body.prefix(80)) : title, body: body, suggestion: suggestion,
                identifiers: identifiers(in: value)))
    }
}
