import Foundation

/// `[text](destination)`, or a link reference definition `[label]: destination`.
struct MarkdownLink {
    var text: Substring
    var destination: Substring?
    var isDefinition: Bool
    var length: Int

    static func parse(_ text: Substring) -> MarkdownLink? {
        var depth = 0
        var index = text.startIndex
        var close: Substring.Index?
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        guard let close else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let after = text[text.index(after: close)...]
        if after.hasPrefix(":") {
            return MarkdownLink(text: label, destination: nil, isDefinition: true, length: label.count + 3)
        }
        guard after.hasPrefix("(") else { return nil }
        var parens = 0
        var end: Substring.Index?
        var cursor = after.startIndex
        while cursor < after.endIndex {
            let character = after[cursor]
            if character == "\\" {
                cursor = after.index(after: cursor)
            } else if character == "(" {
                parens += 1
            } else if character == ")" {
                parens -= 1
                if parens == 0 {
                    end = cursor
                    break
                }
            }
            if cursor < after.endIndex { cursor = after.index(after: cursor) }
        }
        guard let end else { return nil }
        let destination = after[after.index(after: after.startIndex)..<end]
        return MarkdownLink(
            text: label, destination: destination, isDefinition: false,
            length: label.count + 2 + destination.count + 2)
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
