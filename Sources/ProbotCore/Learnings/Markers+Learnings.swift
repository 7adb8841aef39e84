import Foundation

/// The hidden markers of the learnings issue and of the replies that concede.
///
/// Values are written in a safe alphabet: ASCII letters, digits, `.`, `_`, `/`, `*`, `?` stay, every other byte
/// of the UTF-8 text is `%XX`, so nothing from a thread (a path, a title, a link) can end the HTML comment or add
/// a key.
extension Markers {
    /// The learnings issue's body.
    package static let learningsIssue = "\(prefix)learnings -->"
    /// A reply in which this action conceded a finding (the thread's fate is *dismissed*, not *fixed*).
    package static let conceded = "\(prefix)conceded -->"

    /// The marker block of one learning comment: the scope, the finding's title, the thread and the teacher.
    package static func learning(_ learning: Learning) -> Markdown {
        [
            marker(key: "learning", value: "1"), marker(key: "learning-scope", value: safe(learning.scope)),
            marker(key: "learning-title", value: safe(learning.findingTitle)),
            marker(key: "learning-thread", value: safe(learning.threadURL ?? "")),
            marker(key: "learning-teacher", value: safe(learning.teacher)),
        ].joined(separator: "\n")
    }

    /// One acceptance entry of the learnings issue's body.
    package static func acceptance(_ entry: AcceptanceEntry) -> Markdown {
        let fields = [String(entry.pullRequest), safe(entry.title)] + entry.counts.fields.map(String.init)
        return marker(key: "acceptance", value: fields.joined(separator: ","))
    }

    private static func marker(key: String, value: String) -> Markdown {
        MarkdownBuilder.marker("\(prefix)\(key)=\(value) -->")
    }

    /// `text` in the safe alphabet (see the type's note); ``unsafe(_:)`` reverses it.
    package static func safe(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                Character(scalar).isLetter || Character(scalar).isNumber || "._/*?".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// The text a ``safe(_:)`` value stands for; `nil` when it holds anything outside the safe alphabet.
    package static func unsafe(_ value: String) -> String? {
        guard
            value.unicodeScalars.allSatisfy({
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._/*?%".unicodeScalars.contains($0))
            })
        else { return nil }
        return value.removingPercentEncoding
    }
}
