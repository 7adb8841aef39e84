/// A name a finding cites in `identifiers`, read the way code names things.
///
/// The rules, in order:
/// 1. Surrounding whitespace and every backtick are removed (`` `total()` `` and Swift's escaped `` `default` ``).
/// 2. A call, generic or subscript suffix is cut at its first `(`, `<` or `[`: `total()`, `charge(card:amount:)`,
///    `Array<Int>`, `items[0]` name `total`, `charge`, `Array`, `items`.
/// 3. Leading sigils `@ # & * \ .` and trailing `? ! : ; ,` are dropped (`@MainActor`, `#selector`, `\.price`,
///    `.shared`, `value!`).
/// 4. Qualifiers split on `.`, `::`, `->`, `?.` and `!.`; a leading `self`, `Self`, `this` or `super` is dropped
///    when something follows (`self.items` names `items`).
/// 5. When every part is an identifier (a letter, `_` or `$`, then letters, digits, `_` or `$`; any script), the
///    name is ``identifier(_:)`` and each part must be found as a whole token. Otherwise (an operator, an
///    expression, a name with spaces or markup) it is ``text(_:)`` and must appear verbatim in a line shown.
package enum CitedName: Sendable, Equatable, Hashable {
    /// Identifier parts, outermost qualifier first: `Config.timeout` is `["Config", "timeout"]`.
    case identifier([String])
    /// Not an identifier: matched as exact text of a shown line.
    case text(String)

    /// Reads `raw`; `nil` when nothing is left to check (an empty or all-backtick name).
    package init?(_ raw: String) {
        var name = raw.trimmingWhitespace()
        name.removeAll { $0 == "`" }
        guard !name.isEmpty else { return nil }
        var core = Substring(name)
        if let cut = core.firstIndex(where: { "(<[".contains($0) }), cut > core.startIndex {
            core = core[..<cut]
        }
        while let first = core.first, "@#&*\\.".contains(first) { core = core.dropFirst() }
        while let last = core.last, "?!:;,".contains(last) { core = core.dropLast() }
        var parts = Self.components(of: core)
        while parts.count > 1, Self.qualifiers.contains(parts[0]) { parts.removeFirst() }
        if !parts.isEmpty, parts.allSatisfy(Self.isIdentifier) {
            self = .identifier(parts)
        } else {
            self = .text(name)
        }
    }

    /// Receivers that say nothing about where a member is declared.
    private static let qualifiers: Set<String> = ["self", "Self", "this", "super"]

    private static func components(of name: Substring) -> [String] {
        var text = String(name)
        for separator in ["::", "->", "?.", "!."] { text = text.replacingAll(separator, with: ".") }
        return text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether `character` may continue an identifier (letters and digits of any script, `_`, `$`).
    package static func continuesIdentifier(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "$"
    }

    /// Whether `part` is one identifier: it starts with a letter, `_` or `$` and continues with identifier
    /// characters only.
    package static func isIdentifier(_ part: String) -> Bool {
        guard let first = part.first, first.isLetter || first == "_" || first == "$" else { return false }
        return part.allSatisfy(continuesIdentifier)
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced (Foundation-free).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
