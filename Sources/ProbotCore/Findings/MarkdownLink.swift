import Foundation

/// `[text](destination)`, or a link reference definition `[label]: destination`.
struct MarkdownLink {
    var text: Substring
    var destination: Substring?
    var isDefinition: Bool
    var length: Int

    static func parse(_ text: Substring) -> MarkdownLink? {
        guard let close = closing(of: ("[", "]"), in: text) else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let after = text[text.index(after: close)...]
        if after.hasPrefix(":") {
            return MarkdownLink(text: label, destination: nil, isDefinition: true, length: label.count + 3)
        }
        guard after.hasPrefix("("), let end = closing(of: ("(", ")"), in: after) else { return nil }
        let destination = after[after.index(after: after.startIndex)..<end]
        return MarkdownLink(
            text: label, destination: destination, isDefinition: false,
            length: label.count + 2 + destination.count + 2)
    }

    /// Where the bracket that `text` opens is closed, skipping backslash escapes and nested pairs; `nil` when open.
    private static func closing(of pair: (open: Character, close: Character), in text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
            } else if character == pair.open {
                depth += 1
            } else if character == pair.close {
                depth -= 1
                if depth == 0 { return index }
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return nil
    }

    func rendered(atLineStart: Bool) -> String {
        let label = MarkdownSanitizer.scan(text)
        guard let destination else {
            // A reference definition would let `[x]` link anywhere: shown as text instead.
            return (atLineStart ? "\\[" : "[") + label + "]:"
        }
        let target = String(String(destination).trimmingWhitespace().split(separator: " ").first ?? "")
            .trimmingCharacters(in: ["<", ">"])
        if MarkdownSanitizer.isAllowed(target) { return "[\(label)](\(destination))" }
        let lowered = target.lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("data:") || lowered.hasPrefix("vbscript:") {
            return label
        }
        return "\(label) (\(MarkdownSanitizer.code(target)))"
    }
}
