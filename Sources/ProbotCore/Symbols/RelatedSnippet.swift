/// Code from elsewhere in the repository shown with a file's changes: the declaration of a name its added lines
/// use, or a place that calls a declaration the pull request changes. Reference only, never part of the diff.
package struct RelatedSnippet: Sendable, Hashable, Codable {
    /// Why the snippet is shown.
    package enum Role: Sendable, Hashable, Codable {
        /// The declaration of a name the changed lines use.
        case declaration
        /// A line in a file the pull request does not touch that uses a declaration it changes.
        case callSite
    }

    /// The name the snippet is about.
    package var name: String
    /// Where the lines are, relative to the workspace.
    package var path: String
    /// What the declaration is (`function`, `struct`, …); `call site` for a call site.
    package var kind: String
    package var role: Role
    /// The lines shown, numbered as in their file.
    package var lines: [NumberedLine]
    /// `newStart` of the hunks of the file it is shown with that use it, so each part of a split file takes its own.
    package var usedBy: [Int]

    /// Memberwise initialiser.
    package init(name: String, path: String, kind: String, role: Role, lines: [NumberedLine], usedBy: [Int]) {
        self.name = name
        self.path = path
        self.kind = kind
        self.role = role
        self.lines = lines
        self.usedBy = usedBy
    }

    /// What the snippet is, for de-duplication across a request: its file and first line.
    package var key: String { "\(path):\(lines.first?.number ?? 0)" }

    /// The declaration line at `declaration.line` of `source` and its signature continuation: the lines after
    /// it, at most `continuation`, until one ends the signature (`{`, `;` or `:` at its end) or a blank line.
    /// `nil` when the line is not in `source`.
    package static func declaration(
        _ declaration: SymbolDeclaration, source: [String], continuation: Int, usedBy: [Int]
    ) -> RelatedSnippet? {
        guard declaration.line >= 1, declaration.line <= source.count else { return nil }
        var lines = [NumberedLine(declaration.line, source[declaration.line - 1])]
        var number = declaration.line
        while number < source.count, lines.count <= continuation, !endsSignature(source[number - 1]) {
            let next = source[number]
            guard continues(next, after: source[declaration.line - 1]) else { break }
            lines.append(NumberedLine(number + 1, next))
            number += 1
        }
        return RelatedSnippet(
            name: declaration.name, path: declaration.path, kind: declaration.kind, role: .declaration,
            lines: lines, usedBy: usedBy)
    }

    /// Whether `next` goes on a signature that started on `first`: more indented, or a closing parenthesis,
    /// an arrow, a `where` clause or effects on a line of their own.
    private static func continues(_ next: String, after first: String) -> Bool {
        let trimmed = next.trimmingWhitespace()
        guard !trimmed.isEmpty else { return false }
        if ScopeFinder.indentation(next) > ScopeFinder.indentation(first) { return true }
        return [")", "->", "where ", "throws", "rethrows", "async", "{"].contains { trimmed.hasPrefix($0) }
    }

    private static func endsSignature(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.hasSuffix("{") || trimmed.hasSuffix(";") || trimmed.hasSuffix(":") || trimmed.hasSuffix("}")
    }
}
