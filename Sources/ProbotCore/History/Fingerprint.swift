/// A stable identity for a finding across runs: path, the text of the line it anchors to, and its normalised
/// title. Line numbers are left out so a comment still matches after code above it moves.
package enum Fingerprint {
    /// 16 hex digits (FNV-1a 64 over the normalised parts).
    package static func make(path: String, anchor: String, title: String) -> String {
        let parts = [path, collapse(anchor), normaliseTitle(title)].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Lower-case letters and digits, single spaces.
    static func normaliseTitle(_ title: String) -> String {
        let kept = title.lowercased().unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? Character(scalar) : " "
        }
        return collapse(String(kept))
    }

    /// Trimmed, with runs of white space folded to one space.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
