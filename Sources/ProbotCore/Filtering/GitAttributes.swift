/// A root `.gitattributes` file, matched with git's rules (`man gitattributes`).
///
/// - A pattern without `/` matches the file name at any depth; with a `/` (a leading one only anchors) it
///   matches the path from the root; `**` spans folders (``GlobPattern``).
/// - A pattern ending in `/` matches folders only, never the files below them, so it matches no file here.
/// - A negative pattern (`!pattern`) is not allowed in attributes files: git ignores the line, and so do we.
/// - Each attribute is `attr` (set), `-attr` (unset), `!attr` (unspecified) or `attr=value`; for each attribute the
///   last matching line wins. The built-in macro `binary` means `binary -diff -merge -text`.
/// - Character classes (`[abc]`) and quoted patterns are not supported: such a line matches nothing.
package struct GitAttributes: Sendable, Equatable {
    /// The state of one attribute for a path.
    package enum State: Sendable, Equatable, CustomStringConvertible {
        case set
        case unset
        case value(String)

        package var description: String {
            switch self {
            case .set: "set"
            case .unset: "unset"
            case .value(let value): value
            }
        }
    }

    /// One line: a pattern and its attribute assignments (`nil`: unspecified, from `!attr`).
    struct Line: Sendable, Equatable {
        var pattern: GlobPattern?
        var assignments: [(name: String, state: State?)]

        static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.pattern == rhs.pattern && lhs.assignments.elementsEqual(rhs.assignments) { $0 == $1 }
        }
    }

    private let lines: [Line]

    /// The path of the file this type reads, at the repository's root.
    package static let path = ".gitattributes"

    /// Parses the file's text; lines git would ignore are ignored.
    package init(_ text: String) {
        lines = text.split(whereSeparator: \.isNewline).compactMap(Self.parse)
    }

    private static func parse(_ raw: Substring) -> Line? {
        let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let pattern = fields.first, !pattern.hasPrefix("#"), !pattern.hasPrefix("!") else { return nil }
        let glob: GlobPattern? =
            pattern.hasSuffix("/") || pattern.contains("[") || pattern.hasPrefix("\"") ? nil : GlobPattern(pattern)
        var assignments: [(name: String, state: State?)] = []
        for field in fields.dropFirst() {
            if field.hasPrefix("-") {
                assignments += expand(String(field.dropFirst()), .unset)
            } else if field.hasPrefix("!") {
                assignments.append((String(field.dropFirst()), nil))
            } else if let equals = field.firstIndex(of: "=") {
                assignments.append(
                    (String(field[..<equals]), .value(String(field[field.index(after: equals)...]))))
            } else {
                assignments += expand(field, .set)
            }
        }
        return Line(pattern: glob, assignments: assignments)
    }

    /// `binary` set expands to `binary -diff -merge -text`.
    private static func expand(_ name: String, _ state: State) -> [(name: String, state: State?)] {
        guard name == "binary", state == .set else { return [(name, state)] }
        return [("binary", .set), ("diff", .unset), ("merge", .unset), ("text", .unset)]
    }

    /// The attributes specified for `path` (relative, `/`-separated); unspecified ones are absent.
    package func attributes(of path: String) -> [String: State] {
        var result: [String: State] = [:]
        for line in lines where line.pattern?.matches(path) == true {
            for (name, state) in line.assignments { result[name] = state }
        }
        return result
    }

    /// The attribute that keeps `path` out of a review: `linguist-generated` or `linguist-vendored` set (any value
    /// but `false`), or `diff` unset (`-diff`, `binary`). `nil` when none applies.
    package func skippingAttribute(for path: String) -> String? {
        let attributes = attributes(of: path)
        for name in ["linguist-generated", "linguist-vendored"] {
            switch attributes[name] {
            case .set: return name
            case .value(let value) where value.lowercased() != "false": return "\(name)=\(value)"
            default: continue
            }
        }
        if attributes["diff"] == .unset { return attributes["binary"] == .set ? "binary" : "-diff" }
        return nil
    }
}
