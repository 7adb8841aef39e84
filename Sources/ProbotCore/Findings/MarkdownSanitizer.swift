import Foundation

/// Makes model text safe to post as GitHub Markdown, keeping code byte for byte.
///
/// A model can be talked by the diff into writing anything, and GitHub fetches images when someone opens the
/// pull request, so posted text must not reach out:
/// - images (`![x](url)`, `![x][ref]`, `<img>`) become text; no image loads from anywhere;
/// - links stay clickable only to `https://github.com/…` and relative targets (`#L12`, `../File.swift`); any other
///   link, autolink or bare URL becomes inert code text (`` `https://example.com/x` ``), `javascript:` and
///   `data:` included;
/// - raw HTML is escaped except `<details>`, `<summary>`, `<sub>`, `<br>` and `<code>` (attributes dropped);
/// - HTML comments are removed, so this action's hidden markers cannot be forged (inside code the marker's name
///   is broken with a non-breaking hyphen); `@mentions` get a zero-width space so nobody is pinged;
/// - fenced code blocks (up to three spaces of indent) and inline code spans are kept exactly.
package enum MarkdownSanitizer {
    /// HTML tags that may stay (without attributes).
    package static let allowedTags: Set<String> = ["details", "summary", "sub", "br", "code"]

    /// The safe version of `text`.
    package static func sanitize(_ text: String) -> String {
        var output = ""
        var prose = ""
        var fence: (character: Character, count: Int)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let newline = index < lines.count - 1 ? "\n" : ""
            if let open = fence {
                output += breakMarkers(String(line)) + newline
                if isFence(line, closing: open) { fence = nil }
            } else if let opened = fenceOpener(line) {
                output += inline(prose)
                prose = ""
                fence = opened
                output += breakMarkers(String(line)) + newline
            } else {
                prose += line + newline
            }
        }
        return output + inline(prose)
    }

    /// The marker name with a non-breaking hyphen, so code that quotes a marker cannot be read as one.
    private static func breakMarkers(_ text: String) -> String {
        text.replacing("chatgpt-probot:", with: "chatgpt\u{2011}probot:")
    }

    /// A line opening a fenced code block: up to three spaces, then three or more backticks or tildes.
    private static func fenceOpener(_ line: Substring) -> (character: Character, count: Int)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let count = rest.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        // A backtick fence's info string may not contain a backtick.
        if first == "`" && rest.dropFirst(count).contains("`") { return nil }
        return (first, count)
    }

    private static func isFence(_ line: Substring, closing open: (character: Character, count: Int)) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3 else { return false }
        let count = trimmed.prefix { $0 == open.character }.count
        return count >= open.count && trimmed.dropFirst(count).allSatisfy(\.isWhitespace)
    }

    /// Prose, line by line: a code span is trusted only within one line, since a block boundary (a blank line,
    /// a heading, a list item) would end it before it closes and leave its content live.
    private static func inline(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { lineInline(String($0)) }
            .joined(separator: "\n")
    }

    /// One line of prose: inline code spans kept, everything else scanned.
    private static func lineInline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "`") {
            let run = rest[start...].prefix { $0 == "`" }.count
            let afterOpen = rest.index(start, offsetBy: run)
            if let close = closingRun(of: run, in: rest[afterOpen...]) {
                output += scan(rest[..<start]) + breakMarkers(String(rest[start..<close.upperBound]))
                rest = rest[close.upperBound...]
            } else {
                output += scan(rest[..<afterOpen])
                rest = rest[afterOpen...]
            }
        }
        return output + scan(rest)
    }

    /// The next backtick run of exactly `count` backticks.
    private static func closingRun(of count: Int, in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "`" else {
                index = text.index(after: index)
                continue
            }
            let run = text[index...].prefix { $0 == "`" }.count
            let end = text.index(index, offsetBy: run)
            if run == count { return index..<end }
            index = end
        }
        return nil
    }

    /// Prose without code: comments, images, links, autolinks, HTML, bare URLs and mentions.
    static func scan(_ text: Substring) -> String {
        var output = ""
        var index = text.startIndex
        var previous: Character = "\n"
        while index < text.endIndex {
            let character = text[index]
            let rest = text[index...]
            var consumed = 1
            if character == "\\", text.index(after: index) < text.endIndex {
                output += String(rest.prefix(2))
                consumed = 2
            } else if rest.hasPrefix("<!--") {
                consumed = rest.range(of: "-->").map { text.distance(from: index, to: $0.upperBound) } ?? rest.count
            } else if rest.hasPrefix("![") {
                output += "!\\["
                consumed = 2
            } else if character == "[", let link = MarkdownLink.parse(rest) {
                output += link.rendered(atLineStart: isLineStart(text, index))
                consumed = link.length
            } else if character == "<", let (replacement, length) = angle(rest) {
                output += replacement
                consumed = length
            } else if !previous.isLetter && !previous.isNumber,
                rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.")
            {
                let url = bareURL(rest)
                output += isAllowed(url) ? url : code(url)
                consumed = url.count
            } else if character == "@" && !(previous.isLetter || previous.isNumber) {
                output += "@\u{200B}"
            } else {
                output.append(character)
            }
            let next = text.index(index, offsetBy: consumed)
            previous = text[text.index(before: next)]
            index = next
        }
        return output
    }

    private static func isLineStart(_ text: Substring, _ index: Substring.Index) -> Bool {
        let before = text[..<index].reversed().prefix { $0 != "\n" }
        return before.count <= 3 && before.allSatisfy { $0 == " " }
    }

    /// An autolink or an HTML tag at `<`: its replacement and length, or `nil` for a plain `<`.
    private static func angle(_ text: Substring) -> (String, Int)? {
        guard let close = text.firstIndex(of: ">") else {
            return looksLikeTag(text) ? ("&lt;", 1) : nil
        }
        let inner = text[text.index(after: text.startIndex)..<close]
        let length = inner.count + 2
        if !inner.contains(" "), !inner.contains("\n"), inner.contains(":") || inner.contains("@") {
            let target = String(inner)
            if target.contains("@") && !target.contains(":") { return (scan(Substring(target)), length) }
            return (isAllowed(target) ? "<\(target)>" : code(target), length)
        }
        let closing = inner.hasPrefix("/")
        let name = inner.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        if allowedTags.contains(name) { return (closing ? "</\(name)>" : "<\(name)>", length) }
        return looksLikeTag(text) ? ("&lt;", 1) : nil
    }

    private static func looksLikeTag(_ text: Substring) -> Bool {
        guard let next = text.dropFirst().first else { return false }
        return next.isLetter || next == "/" || next == "!" || next == "?"
    }

    /// A GFM bare URL: up to whitespace or `<`, without trailing punctuation or an unbalanced `)`.
    private static func bareURL(_ text: Substring) -> String {
        var url = String(text.prefix { !$0.isWhitespace && !"<>`\"".contains($0) })
        while let last = url.last,
            ".,:;!?*_~'\"".contains(last)
                || (last == ")" && url.count(where: { $0 == "(" }) < url.count(where: { $0 == ")" }))
        {
            url.removeLast()
        }
        return url
    }

    /// Whether a link to `target` may stay clickable: GitHub itself, or a relative target in this repository.
    package static func isAllowed(_ target: String) -> Bool {
        let lowered = target.trimmingWhitespace().lowercased()
        if lowered.hasPrefix("https://github.com/") || lowered == "https://github.com" { return true }
        // `//host` and `\\host` leave the site; `www.` is how GFM autolinks a bare host.
        if lowered.hasPrefix("//") || lowered.hasPrefix("www.") || lowered.contains("\\") { return false }
        // A scheme (`javascript:`, `data:`, `http:`) before any `/`, `?` or `#` makes it absolute.
        let head = lowered.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":")
    }

    /// `text` as an inline code span, which GitHub never links or loads.
    package static func code(_ text: String) -> String {
        let fence = String(repeating: "`", count: max(1, longestBacktickRun(text) + 1))
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
