import Foundation

/// Makes model text safe to post as GitHub Markdown, keeping code byte for byte.
///
/// A model can be talked by the diff into writing anything, and GitHub fetches images when someone opens the
/// pull request, so posted text must not reach out. The text is parsed with cmark-gfm, GitHub's own parser, the
/// tree is cleaned against an allow-list, and cmark's CommonMark renderer writes it back, escaping text:
/// - text, emphasis, strikethrough, code spans and blocks, lists, task lists, quotes, tables, headings and breaks
///   stay;
/// - images become their alt text: no image loads from anywhere;
/// - links stay clickable only to this repository's pages on `https://github.com` and to relative targets; any
///   other link, autolink or e-mail address becomes text with its target as inline code, and `javascript:`,
///   `data:`, `vbscript:` and `file:` links keep only their text;
/// - raw HTML is shown as text, except the bare tags `<details>`, `<summary>`, `<sub>` and `<br>`;
/// - this action's marker name is broken everywhere (`chatgpt‑probot:` with a non-breaking hyphen), code included,
///   so nothing the model writes can be read back as a marker; `@` gets a zero-width space so nobody is pinged.
///
/// The result is parsed again and checked; a text that does not come out clean after a few rounds is posted as a
/// code block.
package enum MarkdownSanitizer {
    /// HTML tags that may stay, bare (no attributes).
    package static let allowedTags: Set<String> = ["details", "summary", "sub", "br"]

    /// The safe version of `text`; links may point into `repository` (`owner/name`) on GitHub, or anywhere on
    /// GitHub when it is `nil`.
    package static func sanitize(_ text: String, repository: String? = nil) -> String {
        let policy = LinkPolicy(repository: repository)
        guard !text.isEmpty else { return text }
        var current = text
        for _ in 0..<4 {
            let document = GFMDocument(current)
            document.withRoot { clean($0, policy: policy) }
            let rendered = tightenFences(document.commonMark())
            current = rendered.hasSuffix("\n") ? String(rendered.dropLast()) : rendered
            if MarkdownInspector.violations(in: GFMDocument(current), policy: policy).isEmpty { return current }
        }
        return MarkdownBuilder.codeBlock(breakMentions(breakMarkers(text))).rawValue
    }

    /// cmark writes a space between a fence and its info string (`` ``` suggestion ``); GitHub's suggestion
    /// blocks are written without one, so the opening line of each fenced block with an info string loses it.
    static func tightenFences(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func visit(_ node: GFMNode) {
            if node.kind == .codeBlock, !node.fenceInfo.isEmpty, node.startLine >= 1, node.startLine <= lines.count {
                let line = lines[node.startLine - 1]
                let indent = line.prefix { $0 == " " || $0 == ">" }
                let rest = line.dropFirst(indent.count)
                let fence = rest.prefix { $0 == "`" || $0 == "~" }
                if fence.count >= 3, rest.dropFirst(fence.count).hasPrefix(" " + node.fenceInfo) {
                    lines[node.startLine - 1] = String(indent) + fence + rest.dropFirst(fence.count + 1)
                }
            }
            for child in node.children { visit(child) }
        }
        GFMDocument(text).withRoot(visit)
        return lines.joined(separator: "\n")
    }

    /// The marker name with a non-breaking hyphen, so text quoting a marker cannot be read as one.
    package static func breakMarkers(_ text: String) -> String {
        text.replacing("chatgpt-probot:", with: "chatgpt\u{2011}probot:")
    }

    /// `@` followed by a zero-width space, so neither a mention nor an e-mail address forms.
    package static func breakMentions(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            out.append(scalar)
            if scalar == "@" && (index + 1 == scalars.count || scalars[index + 1] != "\u{200B}") {
                out.append("\u{200B}")
            }
        }
        return String(out)
    }

    private static func clean(_ node: GFMNode, policy: LinkPolicy) {
        for child in node.children { clean(child, policy: policy) }
        switch node.kind {
        case .text:
            let literal = breakMentions(breakMarkers(node.literal))
            if literal.contains(where: entities.keys.contains) {
                node.replace(with: entityRuns(literal))
            } else {
                node.literal = literal
            }
        case .code:
            node.literal = breakMarkers(node.literal)
        case .codeBlock:
            node.literal = breakMarkers(node.literal)
            node.fenceInfo = breakMentions(breakMarkers(node.fenceInfo))
        case .htmlInline:
            if isComment(node.literal) {
                node.replace(with: [])
            } else if !isAllowedTag(node.literal) {
                node.replace(with: [.html(shownAsText(node.literal))])
            }
        case .htmlBlock:
            if isComment(node.literal) {
                node.replace(with: [])
            } else if !isAllowedTagRun(node.literal) {
                let text = node.literal.hasSuffix("\n") ? String(node.literal.dropLast()) : node.literal
                node.replace(with: [.paragraph([.html(shownAsText(text))])])
            }
        case .image:
            node.replace(with: node.children + [.text(" ("), .code(breakMarkers(node.url)), .text(")")])
        case .link:
            cleanLink(node, policy: policy)
        case .other:
            node.replace(with: [])
        default:
            break
        }
    }

    private static func cleanLink(_ node: GFMNode, policy: LinkPolicy) {
        let target = node.url
        switch policy.verdict(target) {
        case .allowed:
            node.clearTitle()
        case .textOnly:
            node.replace(with: node.children)
        case .shownAsCode:
            let children = node.children
            let label = children.map { $0.kind == .text ? $0.literal : "\u{0}" }.joined()
            if label == target || "mailto:" + label == target || "http://" + label == target {
                node.replace(with: [.code(breakMarkers(label))])
            } else {
                node.replace(with: children + [.text(" ("), .code(breakMarkers(target)), .text(")")])
            }
        }
    }

    /// Characters written as entities in text, so no later joining or cutting can make them a tag or an entity.
    private static let entities: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;",
    ]

    /// `text` as text nodes, with each of ``entities`` as an entity written out verbatim.
    private static func entityRuns(_ text: String) -> [GFMNode] {
        var nodes: [GFMNode] = []
        var run = ""
        for character in text {
            if let entity = entities[character] {
                if !run.isEmpty { nodes.append(.text(run)) }
                run = ""
                nodes.append(.html(entity))
            } else {
                run.append(character)
            }
        }
        if !run.isEmpty { nodes.append(.text(run)) }
        return nodes
    }

    /// An HTML comment, which GitHub never shows: dropped, so no marker can be forged through it.
    static func isComment(_ literal: String) -> Bool {
        literal.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<!--")
    }

    /// Raw HTML as entity-escaped text: GitHub shows the tag's characters and parses none of them as HTML.
    static func shownAsText(_ html: String) -> String {
        var out = ""
        for character in breakMentions(breakMarkers(html)) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// One bare allowed tag: `<details>`, `</summary>`, `<br/>`.
    static func isAllowedTag(_ literal: String) -> Bool {
        let trimmed = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<"), trimmed.hasSuffix(">") else { return false }
        var inner = trimmed.dropFirst().dropLast()
        if inner.hasPrefix("/") { inner = inner.dropFirst() }
        if inner.hasSuffix("/") { inner = inner.dropLast() }
        let name = inner.trimmingCharacters(in: .whitespaces).lowercased()
        return allowedTags.contains(name)
    }

    /// An HTML block made only of bare allowed tags and white space.
    static func isAllowedTagRun(_ literal: String) -> Bool {
        var rest = Substring(literal)
        while let open = rest.firstIndex(of: "<") {
            guard rest[..<open].allSatisfy(\.isWhitespace), let close = rest[open...].firstIndex(of: ">"),
                isAllowedTag(String(rest[open...close]))
            else { return false }
            rest = rest[rest.index(after: close)...]
        }
        return rest.allSatisfy(\.isWhitespace)
    }
}
