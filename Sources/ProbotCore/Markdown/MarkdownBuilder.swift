/// The only ways outside text (paths, titles, branch names, server messages, model text) becomes ``Markdown``.
package enum MarkdownBuilder {
    /// `text` as plain text on one line: nothing in it can link, load, ping or break out.
    ///
    /// `<`, `>` and `&` become entities (no tag, no entity trick); `\\`, `[`, `]` and `|` are escaped (no link,
    /// image, reference or table cell); `:` before `/` and the dot of `www.` are escaped (no autolink); `@` gets a
    /// zero-width space (no mention, no e-mail link); markers are broken. Code spans written in the text
    /// (`` `like this` ``) stay code, found as CommonMark finds them, and a backtick that opens none is escaped.
    /// Emphasis marks are left alone: they can only change how the text looks.
    package static func text(_ text: String) -> Markdown { Markdown(escaped: plain(text, inTable: false)) }

    /// Plain text for a table cell: as ``text(_:)``, with `|` escaped inside code spans too (GFM splits cells
    /// before it reads code).
    package static func cell(_ text: String) -> Markdown { Markdown(escaped: plain(text, inTable: true)) }

    private static func plain(_ text: String, inTable: Bool) -> String {
        let characters = Array(MarkdownSanitizer.breakMarkers(singleLine(text)))
        var out = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                let run = characters[index...].prefix { $0 == "`" }.count
                if let close = closingRun(of: run, in: characters, from: index + run) {
                    let span = String(characters[index..<(close + run)])
                    out += inTable ? span.replacing("|", with: "\\|") : span
                    index = close + run
                } else {
                    out += String(repeating: "\\`", count: run)
                    index += run
                }
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "[", "]", "|": out += "\\" + String(character)
            case ":" where next == "/": out += "\\:"
            case "." where index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www": out += "\\."
            case "@": out += "@\u{200B}"
            default: out.append(character)
            }
            index += 1
        }
        return out
    }

    /// Where the next backtick run of exactly `count` backticks starts, at or after `start`.
    private static func closingRun(of count: Int, in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            let run = characters[index...].prefix { $0 == "`" }.count
            if run == count { return index }
            index += run
        }
        return nil
    }

    /// `text` as one inline code span: a backtick fence longer than any run inside, line breaks folded, markers
    /// broken; GitHub never links, loads or formats inside it.
    package static func code(_ text: String) -> Markdown {
        let content = MarkdownSanitizer.breakMarkers(singleLine(text))
        guard !content.isEmpty else { return Markdown(escaped: "` `") }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: content) + 1)
        let padded =
            content.hasPrefix("`") || content.hasSuffix("`")
                || (content.hasPrefix(" ") && content.hasSuffix(" ") && !content.allSatisfy { $0 == " " })
            ? " " + content + " " : content
        return Markdown(escaped: fence + padded + fence)
    }

    /// Inline code as plain text, for diagnostics, log lines, prompts and terminal reports that quote a name
    /// someone else chose (a path, a cited identifier): the fence outgrows any backtick in it, so it cannot end
    /// the span early, and ``text(_:)`` keeps such a span whole when the message reaches GitHub.
    package static func codeSpan(_ text: String) -> String { code(text).rawValue }

    /// Inline code for a table cell: GFM splits cells at `|` before it reads code, so `|` is escaped even here.
    package static func codeCell(_ text: String) -> Markdown {
        Markdown(escaped: escapePipes(code(text).rawValue))
    }

    /// Text inside raw HTML, where Markdown escapes do not apply: entities instead, on one line.
    package static func html(_ text: String) -> Markdown {
        var out = ""
        for character in MarkdownSanitizer.breakMarkers(singleLine(text)) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "@": out += "@\u{200B}"
            default: out.append(character)
            }
        }
        return Markdown(escaped: out)
    }

    /// Model-written Markdown, cleaned by ``MarkdownSanitizer``.
    package static func model(_ text: String, repository: String? = nil) -> Markdown {
        Markdown(escaped: MarkdownSanitizer.sanitize(text, repository: repository))
    }

    /// Model-written Markdown kept on one line (a title): as ``tableCell(model:repository:)``.
    package static func inline(model text: String, repository: String? = nil) -> Markdown {
        tableCell(model: text, repository: repository)
    }

    /// Model-written Markdown for a table cell: on one line, cleaned, `|` escaped.
    package static func tableCell(model text: String, repository: String? = nil) -> Markdown {
        let cleaned = MarkdownSanitizer.sanitize(singleLine(text), repository: repository)
        return Markdown(escaped: escapePipes(singleLine(cleaned)))
    }

    /// Each `|` not already escaped gets a backslash (an even run of backslashes before it escapes only itself).
    static func escapePipes(_ text: String) -> String {
        var out = ""
        var backslashes = 0
        for character in text {
            if character == "|" && backslashes % 2 == 0 { out.append("\\") }
            backslashes = character == "\\" ? backslashes + 1 : 0
            out.append(character)
        }
        return out
    }

    /// `text` as a fenced code block (with `info`, e.g. `suggestion`), byte for byte but for broken markers.
    package static func codeBlock(_ text: String, info: String = "") -> Markdown {
        let content = MarkdownSanitizer.breakMarkers(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: content) + 1))
        return Markdown(escaped: "\(fence)\(info)\n\(content)\n\(fence)")
    }

    /// `label` linked to `url` when it is an `https://github.com` page; `label` alone otherwise.
    package static func link(_ label: Markdown, to url: String) -> Markdown {
        guard url.lowercased().hasPrefix("https://github.com/"),
            url.unicodeScalars.allSatisfy({
                $0.value > 0x20 && $0.value < 0x7F && !"<>\\\"'`()[]".unicodeScalars.contains($0)
            })
        else { return label }
        return Markdown(escaped: "[\(label.rawValue)](\(url))")
    }

    /// `@login`, a mention of the person this action answers; any other text is shown escaped, pinging nobody.
    package static func mention(_ login: String) -> Markdown {
        let valid =
            !login.isEmpty && login.count <= 39 && !login.hasPrefix("-")
            && login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return valid ? Markdown(escaped: "@" + login) : text("@" + login)
    }

    /// A pull request's description as its author wrote it, written back around this action's block.
    static func authorsOwn(_ text: String) -> Markdown { Markdown(escaped: text) }

    /// This action's own hidden marker.
    static func marker(_ comment: String) -> Markdown { Markdown(escaped: comment) }

    /// Text trusted because this action formatted it from its own values (numbers, durations, dollar amounts).
    static func formatted(_ text: String) -> Markdown { Markdown(escaped: text) }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == mark ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
