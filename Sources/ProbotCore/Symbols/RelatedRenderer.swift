/// Renders the related code of one request as a reference block after its diff sections: each snippet under a
/// line naming its file, line and what it is, its lines as `=42: text`. Not diff: no finding belongs on it.
package enum RelatedRenderer {
    /// The block's heading.
    package static let heading = "### Related code from the repository (reference only, not part of the diff)"

    /// The block for `snippets`; empty for none.
    package static func render(_ snippets: [RelatedSnippet]) -> String {
        guard !snippets.isEmpty else { return "" }
        var text = heading + "\n"
        for snippet in snippets {
            let first = snippet.lines.first?.number ?? 0
            switch snippet.role {
            case .declaration: text += "Declaration of \(snippet.name) (\(snippet.kind)) at \(snippet.path):\(first)\n"
            case .callSite: text += "Call site of \(snippet.name) at \(snippet.path):\(first)\n"
            }
            for line in snippet.lines { text += "=\(line.number): \(line.text)\n" }
        }
        return text
    }
}
