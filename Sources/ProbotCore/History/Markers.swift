import Foundation

/// The hidden HTML comments ChatGPT Probot writes into what it posts, and reads back on later runs.
///
/// Model text is stripped of HTML comments before posting, so these cannot be forged through a diff.
package enum Markers {
    static let prefix = "<!-- chatgpt-probot:"

    /// In each inline comment: `<!-- chatgpt-probot:fp=… -->`.
    package static func fingerprint(_ value: String) -> String { "\(prefix)fp=\(value) -->" }
    /// In each review body: the fingerprints of the findings listed in that body.
    package static func bodyFingerprints(_ values: [String]) -> String {
        "\(prefix)body-fps=\(values.joined(separator: ",")) -->"
    }
    /// In each reply this action writes in a thread or a conversation (answers, "Addressed in …").
    package static let reply = "\(prefix)reply -->"
    /// The sticky summary comment.
    package static let summary = "\(prefix)summary -->"
    /// The head commit the sticky summary describes.
    package static func head(_ sha: String) -> String { "\(prefix)head=\(sha) -->" }
    /// Files not yet reviewed at that head (a failed request), to review on the next run.
    package static func pending(_ paths: [String]) -> String {
        "\(prefix)pending=\(paths.map(escape).joined(separator: ",")) -->"
    }

    /// Every value of `<!-- chatgpt-probot:<key>=VALUE -->` in `text`, in order.
    package static func values(_ key: String, in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        let opener = "\(prefix)\(key)="
        while let start = rest.range(of: opener) {
            guard let end = rest.range(of: " -->", range: start.upperBound..<rest.endIndex) else { break }
            result.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// Paths listed by a pending marker.
    package static func pendingPaths(in text: String) -> [String] {
        values("pending", in: text).flatMap { $0.split(separator: ",").map { unescape(String($0)) } }
    }

    /// Percent-escapes `%`, `,`, `-` and `>` so a path cannot end the marker or split the list.
    static func escape(_ path: String) -> String {
        var out = ""
        for character in path {
            switch character {
            case "%": out += "%25"
            case ",": out += "%2C"
            case "-": out += "%2D"
            case ">": out += "%3E"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        text.replacing("%2C", with: ",").replacing("%2D", with: "-").replacing("%3E", with: ">").replacing(
            "%25", with: "%")
    }
}
