import Foundation

/// Finds the line that opens the scope a hunk sits in, for any language, by indentation and a short keyword
/// list rather than a parser per language.
///
/// Walking up from the hunk's first changed line, the scope opener is the first line that is less indented than
/// the changed lines and opens a scope: it starts with a declaration keyword (after modifiers such as `public` or
/// `static`), or ends with `{` or `:` (a trailing comment ignored). A lone `{` (braces on their own line) takes
/// the line above it along. When that opener is a block such as an `if`, the walk goes on, within the limit, to
/// the declaration around it, since a reviewer reads the function, not just the block.
package enum ScopeFinder {
    /// Keywords that open a declaration in common languages.
    package static let declarationKeywords: Set<String> = [
        "func", "init", "deinit", "subscript", "class", "struct", "enum", "extension", "protocol", "actor", "def",
        "fn", "impl", "trait", "function", "fun", "interface", "module", "namespace",
    ]

    /// Columns of leading white space, a tab counting as four.
    package static func indentation(_ line: String) -> Int {
        var columns = 0
        for character in line {
            if character == " " {
                columns += 1
            } else if character == "\t" {
                columns += 4
            } else {
                break
            }
        }
        return columns
    }

    /// Whether `line` starts a declaration: a keyword among its words before any `(`, `=`, quote, `{`, `:` or `<`
    /// (so `print("func")` and `let context = …` are not declarations).
    package static func isDeclaration(_ line: String) -> Bool {
        let head = line.prefix { !"(=\"'{:<[".contains($0) }
        let words = head.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).prefix(6)
        return words.contains { declarationKeywords.contains(String($0)) }
    }

    /// Whether `line` is a comment (`//`, `#`, `/*`, `*`, `--`), which never opens a scope.
    static func isComment(_ line: String) -> Bool {
        ["//", "#", "/*", "*", "--"].contains { line.hasPrefix($0) }
    }

    /// Whether `line` opens a scope: a declaration, or a line ending in `{` or `:`.
    package static func opensScope(_ line: String) -> Bool {
        var text = Substring(line.trimmingWhitespace())
        guard !text.isEmpty, !isComment(String(text)) else { return false }
        if let comment = text.range(of: " //") ?? text.range(of: "  #") ?? text.range(of: " /*") {
            text = text[..<comment.lowerBound]
        }
        let trimmed = String(text).trimmingWhitespace()
        // `case x:` and `default:` label a switch branch in C-family languages; they open no scope.
        let isSwitchLabel = trimmed.hasPrefix("case ") || trimmed.hasPrefix("default:") || trimmed.hasPrefix("default ")
        return trimmed.hasSuffix("{") || (trimmed.hasSuffix(":") && !isSwitchLabel) || isDeclaration(trimmed)
    }

    /// How far up a scope's opening line is looked for when it is beyond the context limit; only that one line
    /// is then shown.
    package static let farLimit = 2_000

    /// The line opening the scope above `line` for changed lines indented `indent` columns: within `limit` lines
    /// (`far` is `false`: every line from it down is shown), else the first opener up to ``farLimit`` lines up
    /// (`far` is `true`: only that line is shown); `nil` at the top level.
    package static func scope(above line: Int, indent: Int, in source: [String], limit: Int) -> (line: Int, far: Bool)?
    {
        if let near = opener(above: line, indent: indent, in: source, limit: limit) { return (near, false) }
        var candidate = line - limit - 1
        while candidate >= max(1, line - farLimit) {
            let text = source[candidate - 1]
            if !text.trimmingWhitespace().isEmpty && indentation(text) < indent && opensScope(text) {
                let isLoneBrace = text.trimmingWhitespace() == "{" && candidate > 1
                return (isLoneBrace ? candidate - 1 : candidate, true)
            }
            candidate -= 1
        }
        return nil
    }

    /// The 1-based number of the line opening the scope above `line`, for changed lines indented `indent`
    /// columns, looking at most `limit` lines up; `nil` when there is none within the limit.
    package static func opener(above line: Int, indent: Int, in source: [String], limit: Int) -> Int? {
        let lowest = max(1, line - limit)
        var candidate = line - 1
        var first: Int?
        var level = indent
        while candidate >= lowest {
            let text = source[candidate - 1]
            if !text.trimmingWhitespace().isEmpty {
                let depth = indentation(text)
                if depth < level && opensScope(text) {
                    var opener = candidate
                    // A brace on its own line belongs to the signature above it.
                    if text.trimmingWhitespace() == "{", candidate > lowest { opener = candidate - 1 }
                    if isDeclaration(source[opener - 1]) || opener == candidate - 1 { return opener }
                    if first == nil { first = opener }
                    level = depth
                }
            }
            candidate -= 1
        }
        return first
    }
}
