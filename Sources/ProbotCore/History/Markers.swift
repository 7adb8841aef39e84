import Foundation

/// The hidden HTML comments ChatGPT Probot writes into what it posts, and reads back on later runs.
///
/// They are read only as HTML comments in cmark-gfm's tree of a body (never by text search), and only from
/// comments and reviews this action's own identity wrote (``PriorBodies``): a marker quoted in code, escaped, or
/// posted by anyone else counts for nothing. Model text cannot write one: ``MarkdownSanitizer`` shows raw HTML
/// as text and breaks the marker name everywhere.
package enum Markers {
    static let prefix = "<!-- chatgpt-probot:"

    /// In each inline comment: `<!-- chatgpt-probot:fp=… -->`.
    package static func fingerprint(_ value: String) -> Markdown { marker("fp", value: hex(value)) }
    /// In each review body: the fingerprints of the findings listed in that body.
    package static func bodyFingerprints(_ values: [String]) -> Markdown {
        marker("body-fps", value: values.map(hex).joined(separator: ","))
    }
    /// In each reply this action writes in a thread or a conversation (answers, "Addressed in …").
    package static let reply = "\(prefix)reply -->"
    /// The sticky summary comment.
    package static let summary = "\(prefix)summary -->"
    /// The head commit the sticky summary describes.
    package static func head(_ sha: String) -> Markdown { marker("head", value: hex(sha)) }
    /// Files not yet reviewed at that head (a failed request), to review on the next run.
    package static func pending(_ paths: [String]) -> Markdown {
        marker("pending", value: paths.map(escape).joined(separator: ","))
    }

    /// One of this action's fixed markers (``reply``, ``summary``, a renderer's own) as Markdown.
    package static func trusted(_ fixed: String) -> Markdown { MarkdownBuilder.marker(fixed) }

    private static func marker(_ key: String, value: String) -> Markdown {
        MarkdownBuilder.marker("\(prefix)\(key)=\(value) -->")
    }

    /// Only ASCII letters, digits, `-`, `_` and `.`, so a value from elsewhere cannot end the comment.
    private static func hex(_ value: String) -> String {
        String(value.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
    }

    /// The markers of one body, found as HTML comments in its parsed tree.
    package struct Found: Sendable, Equatable {
        /// `key` or `key=value` for each marker, in order.
        package var entries: [(key: String, value: String?)]

        package static func == (lhs: Found, rhs: Found) -> Bool {
            lhs.entries.map(\.key) == rhs.entries.map(\.key) && lhs.entries.map(\.value) == rhs.entries.map(\.value)
        }

        /// Whether a marker `key` (with or without a value) is present.
        package func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

        /// Every value of `key`, in order.
        package func values(_ key: String) -> [String] { entries.filter { $0.key == key }.compactMap(\.value) }

        /// Paths listed by a pending marker.
        package var pendingPaths: [String] {
            values("pending").flatMap { $0.split(separator: ",").map { unescape(String($0)) } }
        }
    }

    /// The markers in `body`: HTML comments of the form `<!-- chatgpt-probot:KEY[=VALUE] -->` that cmark-gfm
    /// parses as HTML (a block or inline), not as text or code.
    package static func find(in body: String) -> Found {
        var entries: [(key: String, value: String?)] = []
        guard body.contains(prefix) else { return Found(entries: entries) }
        let document = GFMDocument(body)
        func visit(_ node: GFMNode) {
            switch node.kind {
            case .htmlBlock, .htmlInline:
                for line in node.literal.split(whereSeparator: \.isNewline) {
                    if let entry = entry(line.trimmingCharacters(in: .whitespaces)) { entries.append(entry) }
                }
            default:
                for child in node.children { visit(child) }
            }
        }
        document.withRoot(visit)
        return Found(entries: entries)
    }

    /// `<!-- chatgpt-probot:KEY[=VALUE] -->`, exactly.
    private static func entry(_ text: String) -> (key: String, value: String?)? {
        guard text.hasPrefix(prefix), text.hasSuffix(" -->") else { return nil }
        let inner = text.dropFirst(prefix.count).dropLast(4)
        guard !inner.contains("-->"), !inner.contains("<") else { return nil }
        if let equals = inner.firstIndex(of: "=") {
            return (String(inner[..<equals]), String(inner[inner.index(after: equals)...]))
        }
        return (String(inner), nil)
    }

    /// Percent-escapes `%`, `,`, `-` and `>` so a path cannot end the marker or split the list.
    static func escape(_ path: String) -> String {
        var out = ""
        for character in path {
            switch character {
            case "%": out += "%25"
            case ",": out += "%2C"
            case "-": out += "%2D"
            case ">": out += "%3E"
            case "<": out += "%3C"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        text.replacing("%2C", with: ",").replacing("%2D", with: "-").replacing("%3E", with: ">")
            .replacing("%3C", with: "<").replacing("%0A", with: "\n").replacing("%0D", with: "\r")
            .replacing("%25", with: "%")
    }
}
