import Foundation
import ProbotCore

/// Judges posted Markdown the way a reader's browser gets it: cmark-gfm's own HTML rendering.
package enum RenderedJudge {
    /// Tags cmark-gfm writes for Markdown, plus the bare tags the sanitizer lets through.
    package static let allowedTags: Set<String> = [
        "p", "em", "strong", "del", "code", "pre", "a", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "input", "br", "details", "summary", "sub",
    ]

    /// Every problem a reader would meet in `markdown`, rendered.
    /// - Parameter ownMarkers: whether this action's own markers (read as ``Markers`` reads them) are expected.
    package static func problems(_ markdown: String, repository: String = "octo/shop", ownMarkers: Bool = false)
        -> [String]
    {
        var html = MarkdownInspector.html(markdown)
        if ownMarkers {
            for entry in Markers.find(in: markdown).entries {
                let marker = "<!-- chatgpt-probot:\(entry.key)" + (entry.value.map { "=" + $0 } ?? "") + " -->"
                if let range = html.range(of: marker) { html.removeSubrange(range) }
            }
        }
        var problems: [String] = []
        var outsideCode = ""
        var codeDepth = 0
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            if codeDepth == 0 { outsideCode += rest[..<open] }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!--") {
                problems.append("HTML comment: <\(tag)>")
                continue
            }
            let closing = tag.hasPrefix("/")
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if name == "code" || name == "pre" { codeDepth += closing ? -1 : 1 }
            if !allowedTags.contains(name) { problems.append("tag <\(tag)>") }
            if name == "img" { problems.append("image") }
            if name == "a", !closing {
                let href = attribute("href", in: String(tag)) ?? ""
                if LinkPolicy(repository: repository).verdict(href) != .allowed { problems.append("link to \(href)") }
            }
            if name == "input", !tag.contains("type=\"checkbox\"") { problems.append("input <\(tag)>") }
            for attribute in ["src", "style", "onerror", "onload", "srcset"]
            where tag.lowercased().contains(attribute + "=") {
                problems.append("attribute \(attribute) in <\(tag)>")
            }
        }
        outsideCode += rest
        if html.contains("chatgpt-probot:") { problems.append("live marker name") }
        let text = outsideCode.replacingOccurrences(of: "&amp;", with: "&")
        if let mention = text.firstMatch(of: /@[A-Za-z0-9]/) { problems.append("mention \(mention.output)") }
        return problems
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return String(value).replacingOccurrences(of: "&amp;", with: "&")
    }
}
