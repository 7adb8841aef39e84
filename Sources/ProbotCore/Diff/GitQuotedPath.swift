import Foundation

/// Git's C-style quoting of paths in diff headers (`quote_c_style` in git's `quote.c`).
///
/// A path with a control character, `"`, `\` or (with `core.quotePath`, the default) a byte over 0x7F is written
/// in double quotes: `"a/sp ace\tx.txt"`, `"a/\303\251t\303\251.txt"`. Octal escapes are raw bytes, which
/// together form the UTF-8 of the name; the other escapes are `\a \b \t \n \v \f \r \" \\`.
package enum GitQuotedPath {
    /// Decodes the quoted path that starts `text`.
    /// - Returns: the path and the text after its closing quote; `nil` when `text` does not start with a
    ///   well-formed quoted path (no opening or closing quote, an unknown escape, an octal escape over `\377`).
    package static func decode(_ text: Substring) -> (path: String, rest: Substring)? {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "\"") else { return nil }
        var bytes: [UInt8] = []
        var index = utf8.index(after: utf8.startIndex)
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "\""):
                return (String(decoding: bytes, as: UTF8.self), text[index...])
            case UInt8(ascii: "\\"):
                guard index < utf8.endIndex else { return nil }
                let escape = utf8[index]
                index = utf8.index(after: index)
                if let simple = simpleEscapes[escape] {
                    bytes.append(simple)
                    continue
                }
                // Exactly three octal digits, the first 0–3, as git writes them.
                guard (UInt8(ascii: "0")...UInt8(ascii: "3")).contains(escape) else { return nil }
                var value = Int(escape - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard index < utf8.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(utf8[index]) else {
                        return nil
                    }
                    value = value * 8 + Int(utf8[index] - UInt8(ascii: "0"))
                    index = utf8.index(after: index)
                }
                bytes.append(UInt8(value))
            default:
                bytes.append(byte)
            }
        }
        return nil
    }

    /// A path field of a `---`, `+++`, `rename from|to` or `copy from|to` line: quoted, or bare up to a tab (after
    /// which `diff -u` writes a timestamp and git a lone tab for names with spaces).
    package static func field(_ raw: Substring) -> String {
        if let (path, _) = decode(raw) { return path }
        if let tab = raw.firstIndex(of: "\t") { return String(raw[..<tab]) }
        return String(raw)
    }

    /// The two paths of `diff --git <old> <new>` (after `diff --git `), prefixes kept; each may be quoted.
    /// - Returns: `nil` when the line cannot be split (bare paths without a ` b/` between them).
    package static func gitHeaderPaths(_ rest: Substring) -> (old: String, new: String)? {
        if let (old, after) = decode(rest) {
            guard after.first == " " else { return nil }
            let tail = after.dropFirst()
            if let (new, end) = decode(tail), end.isEmpty { return (old, new) }
            return (old, String(tail))
        }
        if rest.last == "\"" {
            // A bare old path and a quoted new one: the quoted tail that runs to the end of the line.
            var search = rest.startIndex
            while let space = rest[search...].range(of: " \"") {
                if let (new, end) = decode(rest[rest.index(after: space.lowerBound)...]), end.isEmpty {
                    return (String(rest[..<space.lowerBound]), new)
                }
                search = space.upperBound
            }
        }
        // Both bare: split at the last " b/" (equal halves are the common case, but names may contain " b/").
        guard let split = rest.range(of: " b/", options: .backwards) else { return nil }
        return (String(rest[..<split.lowerBound]), String(rest[rest.index(after: split.lowerBound)...]))
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "v"): 0x0B, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22,
        UInt8(ascii: "\\"): 0x5C,
    ]
}
