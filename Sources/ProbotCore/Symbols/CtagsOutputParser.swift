package import Foundation

/// Reads Universal Ctags' JSON output (`--output-format=json`, one object per line) into a ``SymbolIndex``.
///
/// Each line goes through the JSON decoder; nothing in it is trusted. A tag is kept only when its name is an
/// identifier, its path is relative and stays inside the workspace, and its line is positive; its other text is
/// clipped and stripped of control characters. Pseudo-tags (`_type: ptag`) and anything unreadable are counted
/// as rejected, never an error.
package enum CtagsOutputParser {
    /// Longest name kept.
    package static let nameLimit = 128
    /// Longest path kept.
    package static let pathLimit = 1_024
    /// Longest kind, scope or signature kept (longer ones are clipped).
    package static let textLimit = 200

    /// What a parse kept and how many lines it did not.
    package struct Parsed: Sendable {
        package var index: SymbolIndex
        /// Tag lines that were unreadable or failed a check (pseudo-tags are not counted).
        package var rejected: Int
    }

    private struct Line: Decodable {
        var type: String?
        var name: String?
        var path: String?
        var line: Int?
        var kind: String?
        var scope: String?
        var signature: String?

        enum CodingKeys: String, CodingKey {
            case type = "_type"
            case name, path, line, kind, scope, signature
        }
    }

    /// Parses `output`, ctags' standard output.
    package static func parse(_ output: Data) -> Parsed {
        let decoder = JSONDecoder()
        var declarations: [SymbolDeclaration] = []
        var rejected = 0
        for line in output.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let tag = try? decoder.decode(Line.self, from: Data(line)) else {
                rejected += 1
                continue
            }
            if tag.type == "ptag" { continue }
            guard tag.type == nil || tag.type == "tag", let declaration = declaration(tag) else {
                rejected += 1
                continue
            }
            declarations.append(declaration)
        }
        return Parsed(index: SymbolIndex(declarations), rejected: rejected)
    }

    private static func declaration(_ tag: Line) -> SymbolDeclaration? {
        guard let name = tag.name, isIdentifier(name), let path = tag.path, isSafePath(path),
            let line = tag.line, line >= 1
        else { return nil }
        return SymbolDeclaration(
            name: name, path: path, line: line, kind: clean(tag.kind) ?? "declaration", scope: clean(tag.scope),
            signature: clean(tag.signature))
    }

    /// Whether `name` is an identifier: a letter or `_`, then letters, digits or `_`, ASCII, at most
    /// ``nameLimit`` characters.
    package static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= nameLimit, !(48...57).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy {
            ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95
        }
    }

    /// Whether `path` is relative, inside the workspace (no `..`, `.` or empty component) and free of control
    /// characters and backslashes.
    package static func isSafePath(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count <= pathLimit, !path.hasPrefix("/") else { return false }
        guard
            !path.unicodeScalars.contains(where: {
                $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" || (0x80...0x9F).contains($0.value)
                    || $0 == "\u{2028}" || $0 == "\u{2029}"
            })
        else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0 == "." || $0 == ".."
        }
    }

    private static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let kept = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != "\u{2028}"
                        && $0 != "\u{2029}"
                }))
        let clipped = kept.count > textLimit ? String(kept.prefix(textLimit)) : kept
        return clipped.isEmpty ? nil : clipped
    }
}
