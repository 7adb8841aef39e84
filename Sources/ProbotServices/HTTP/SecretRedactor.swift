/// Replaces known secrets with `***` in any text that may be printed or posted, and any piece of one eight
/// characters or longer (a message cut in the middle of a key must not leave its half readable).
package struct SecretRedactor: Sendable {
    /// Shortest piece of a secret that is redacted on its own.
    package static let pieceLength = 8

    private let whole: [[UInt8]]
    private let windows: Set<UInt64>

    /// Redacts the non-empty `secrets` (values shorter than 4 characters are ignored to avoid mangling text).
    package init(_ secrets: [String?]) {
        let kept = Set(secrets.compactMap { $0 }.filter { $0.count >= 4 })
        whole = kept.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        var windows = Set<UInt64>()
        for secret in whole where secret.count >= Self.pieceLength {
            for start in 0...(secret.count - Self.pieceLength) {
                windows.insert(Self.pack(secret[start..<(start + Self.pieceLength)]))
            }
        }
        self.windows = windows
    }

    /// This redactor and `other`'s secrets together.
    package func adding(_ secrets: [String?]) -> SecretRedactor {
        SecretRedactor(whole.map { String(decoding: $0, as: UTF8.self) } + secrets)
    }

    /// `text` with every secret, and every piece of one at least ``pieceLength`` long, replaced.
    package func redact(_ text: String) -> String {
        guard !whole.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var hidden = [Bool](repeating: false, count: bytes.count)
        var found = false
        if bytes.count >= Self.pieceLength && !windows.isEmpty {
            for start in 0...(bytes.count - Self.pieceLength)
            where windows.contains(Self.pack(bytes[start..<(start + Self.pieceLength)])) {
                for index in start..<(start + Self.pieceLength) { hidden[index] = true }
                found = true
            }
        }
        for secret in whole where secret.count < Self.pieceLength && bytes.count >= secret.count {
            for start in 0...(bytes.count - secret.count)
            where bytes[start..<(start + secret.count)].elementsEqual(secret) {
                for index in start..<(start + secret.count) { hidden[index] = true }
                found = true
            }
        }
        guard found else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if hidden[index] {
                out += Array("***".utf8)
                while index < bytes.count && hidden[index] { index += 1 }
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
