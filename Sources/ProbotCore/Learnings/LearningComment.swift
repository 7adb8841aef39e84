/// One learning as a comment on the learnings issue, and back.
///
/// The comment's first paragraph is the rule, as plain escaped text; a `<sub>` line says where it applies and
/// where it came from; a hidden marker block (``Markers/learning(_:)``) holds the scope, the finding's title,
/// the thread and the teacher. Reading back, the **visible rule is the source of truth**: a maintainer who edits
/// the first paragraph changes the rule, one who edits `learning-scope=` changes the scope (checked again), and
/// a comment whose marker block is gone, or whose rule is empty, teaches nothing.
package enum LearningComment {
    /// The comment's body.
    package static func render(_ learning: Learning) -> Markdown {
        var source: Markdown =
            "<sub>Applies to \(code: learning.scope) · from the finding “\(text: learning.findingTitle)” · taught by \(text: "@" + learning.teacher)"
        if let url = learning.threadURL { source += " in " + MarkdownBuilder.link("its review thread", to: url) }
        return "\(text: learning.rule)\n\n" + source + "</sub>\n\n" + Markers.learning(learning) + "\n"
    }

    /// The learning a comment holds, or `nil` when it holds none (no marker block, an empty rule, an unsound
    /// scope). The caller checks first that this action's identity wrote the comment.
    package static func parse(_ body: String, commentID: Int? = nil, commentURL: String? = nil) -> Learning? {
        let found = Markers.find(in: body)
        guard found.contains("learning"),
            let scope = found.values("learning-scope").first.flatMap(Markers.unsafe),
            case .success(let checked) = LearningScope.check(scope, findingPath: nil)
        else { return nil }
        let rule = firstParagraph(body)
        guard !rule.isEmpty else { return nil }
        func value(_ key: String) -> String { found.values(key).first.flatMap(Markers.unsafe) ?? "" }
        let thread = value("learning-thread")
        return Learning(
            rule: rule, scope: checked, findingTitle: value("learning-title"),
            threadURL: thread.isEmpty ? nil : thread, teacher: value("learning-teacher"), commentID: commentID,
            commentURL: commentURL)
    }

    /// The plain text of the first paragraph that is not this action's `<sub>` line, from cmark-gfm's tree.
    static func firstParagraph(_ body: String) -> String {
        let document = GFMDocument(body)
        return document.withRoot { root -> String in
            for node in root.children where node.kind == .paragraph {
                if node.children.first?.kind == .htmlInline { continue }
                return Learning.oneLine(plainText(node))
            }
            return ""
        }
    }

    private static func plainText(_ node: GFMNode) -> String {
        switch node.kind {
        case .text: node.literal
        case .code: "`" + node.literal + "`"
        case .softBreak, .lineBreak: " "
        case .htmlInline: ""
        default: node.children.map(plainText).joined()
        }
    }
}
