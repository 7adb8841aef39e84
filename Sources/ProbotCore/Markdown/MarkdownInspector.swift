import Foundation

/// What a parsed document would do when GitHub renders it, judged by cmark-gfm's tree.
package enum MarkdownInspector {
    /// Something posted text must not do.
    package enum Violation: Sendable, Equatable {
        /// An image, which a reader's browser would load.
        case image(String)
        /// A link the policy does not allow.
        case link(String)
        /// Raw HTML outside the allowed bare tags.
        case html(String)
        /// `@` that could ping someone or form an e-mail link.
        case mention(String)
        /// This action's marker name, which could be read back as a marker.
        case marker(String)
    }

    /// `text` as GitHub's parser renders it to HTML, raw HTML let through: what a reader's browser would get.
    package static func html(_ text: String) -> String { GFMDocument(text).html() }

    /// Every violation in `text`.
    package static func violations(in text: String, repository: String?) -> [Violation] {
        violations(in: GFMDocument(text), policy: LinkPolicy(repository: repository))
    }

    static func violations(in document: GFMDocument, policy: LinkPolicy) -> [Violation] {
        var found: [Violation] = []
        document.withRoot { visit($0, policy: policy, into: &found) }
        return found
    }

    private static func visit(_ node: GFMNode, policy: LinkPolicy, into found: inout [Violation]) {
        switch node.kind {
        case .image:
            found.append(.image(node.url))
        case .link:
            if policy.verdict(node.url) != .allowed { found.append(.link(node.url)) }
        case .htmlInline:
            if !MarkdownSanitizer.isAllowedTag(node.literal) { found.append(.html(node.literal)) }
        case .htmlBlock:
            if !MarkdownSanitizer.isAllowedTagRun(node.literal) { found.append(.html(node.literal)) }
        case .text:
            if hasLiveMention(node.literal) { found.append(.mention(node.literal)) }
        case .codeBlock:
            if hasLiveMention(node.fenceInfo) { found.append(.mention(node.fenceInfo)) }
            if node.fenceInfo.contains(marker) { found.append(.marker(node.fenceInfo)) }
        case .other:
            found.append(.html(node.literal))
        default:
            break
        }
        if node.literal.contains(marker) { found.append(.marker(node.literal)) }
        for child in node.children { visit(child, policy: policy, into: &found) }
    }

    private static let marker = "chatgpt-probot:"

    /// `@` not followed by a zero-width space.
    private static func hasLiveMention(_ text: String) -> Bool {
        var previousWasAt = false
        for scalar in text.unicodeScalars {
            if previousWasAt && scalar != "\u{200B}" { return true }
            previousWasAt = scalar == "@"
        }
        return previousWasAt
    }
}
