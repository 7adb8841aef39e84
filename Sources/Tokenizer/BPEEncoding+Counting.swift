/// Counting without building the token array, in segments so memory stays flat however long the text.
///
/// A text is cut only just after a `\n` that is followed by a visible ASCII character other than `/`: no piece of
/// either encoding's pre-tokenizer spans such a point (a letter or number piece cannot start with a newline, a
/// whitespace run ends at its last newline, a punctuation run's trailing `[\r\n/]*` stops at anything but `\r`,
/// `\n` and `/`), so segments tokenize exactly as the whole text does. Diffs, whose lines start with `+`, `-` or
/// `@`, cut as often as source does.
extension BPEEncoding {
    /// Bytes per segment, about; a segment ends at the first safe cut after this many bytes.
    package static let segmentBytes = 64 * 1024

    /// Number of tokens in `text` (special tokens as plain text), exactly as `encode(text).count`.
    package func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { countTokens(in: $0) }
    }

    /// Number of tokens in valid UTF-8 `bytes`, segment by segment.
    /// - Parameter segmentBytes: how far apart cuts are looked for (tests use small values).
    package func countTokens(in bytes: UnsafeBufferPointer<UInt8>, segmentBytes: Int = BPEEncoding.segmentBytes) -> Int
    {
        var total = 0
        var scratch: [Int] = []
        var start = 0
        while start < bytes.count {
            let end = Self.safeCut(bytes, after: start + segmentBytes) ?? bytes.count
            total += countSegment(UnsafeBufferPointer(rebasing: bytes[start..<end]), scratch: &scratch)
            start = end
        }
        return total
    }

    /// The first offset at or after `minimum` where the text may be cut (see the type's notes), or `nil`.
    package static func safeCut(_ bytes: UnsafeBufferPointer<UInt8>, after minimum: Int) -> Int? {
        guard minimum < bytes.count else { return nil }
        var index = max(1, minimum)
        while index < bytes.count {
            if bytes[index - 1] == 0x0A && startsPieceAfterNewline(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Whether a piece must start at `byte` when a `\n` precedes it: a visible ASCII character other than `/`.
    @inline(__always)
    package static func startsPieceAfterNewline(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != 0x2F
    }
}
