/// The code one request showed the model, as the claim check reads it: every identifier token and every line.
///
/// Built from the rendered sections of the request (diff lines of both sides, hunk headers, the context windows
/// around hunks, and any reference code placed in a section), never from the pull request's title or
/// description, the instructions or the few-shot examples. The `### File:` header of a section is not code and
/// is left out, and the line-number prefixes (`+12: `, `-40: `, ` 7: `, `~8: `, `12: `) are stripped.
package struct ShownCode: Sendable, Equatable {
    /// Identifier tokens: maximal runs of letters, digits, `_` and `$`; a token starting with `$` also counts
    /// without it (`$viewModel` shows `viewModel`).
    package private(set) var tokens: Set<String> = []
    /// The shown lines without their number prefixes, for names that are not identifiers.
    package private(set) var lines: [String] = []

    /// The code of `sections` (each a rendered file section, as sent).
    package init(sections: [String]) {
        for section in sections {
            for line in section.split(separator: "\n", omittingEmptySubsequences: false)
            where !line.hasPrefix("### File:") {
                add(Self.strippingNumber(line))
            }
        }
    }

    /// The code of a request's items.
    package init(batch: ReviewBatch) {
        self.init(sections: batch.items.map(\.rendered))
    }

    private mutating func add(_ line: Substring) {
        guard !line.isEmpty else { return }
        lines.append(String(line))
        var start: Substring.Index?
        for index in line.indices {
            if CitedName.continuesIdentifier(line[index]) {
                if start == nil { start = index }
            } else if let first = start {
                insert(line[first..<index])
                start = nil
            }
        }
        if let first = start { insert(line[first...]) }
    }

    private mutating func insert(_ token: Substring) {
        tokens.insert(String(token))
        let bare = token.drop { $0 == "$" }
        if !bare.isEmpty && bare.count < token.count { tokens.insert(String(bare)) }
    }

    /// `line` without a leading `+12: `, `-40: `, ` 7: `, `~8: ` or `12: ` prefix.
    static func strippingNumber(_ line: Substring) -> Substring {
        var rest = line
        if let first = rest.first, "+- ~".contains(first) { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return line }
        rest = rest.dropFirst(digits.count)
        guard rest.hasPrefix(": ") else { return line }
        return rest.dropFirst(2)
    }

    /// Whether `name` was shown: every part of an identifier as a whole token, a text name inside a line.
    package func shows(_ name: CitedName) -> Bool {
        switch name {
        case .identifier(let parts): parts.allSatisfy(tokens.contains)
        case .text(let text): lines.contains { $0.contains(text) }
        }
    }
}
