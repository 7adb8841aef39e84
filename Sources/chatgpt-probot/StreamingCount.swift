import Foundation
import Tokenizer

/// Counts the tokens of a file or stream block by block, so memory stays flat however large the input.
enum StreamingCount {
    /// Bytes read at a time.
    static let blockBytes = 1 << 20

    /// The number of tokens in everything `handle` yields (invalid UTF-8 replaced, as `String(decoding:)` does).
    static func count(_ handle: FileHandle, with tokenizer: BPEEncoding) throws -> Int {
        var buffer: [UInt8] = []
        var total = 0
        while let block = try handle.read(upToCount: blockBytes), !block.isEmpty {
            buffer.append(contentsOf: block)
            // Count up to the last place the text may be cut; keep the rest for the next block.
            guard let cut = lastCut(in: buffer) else { continue }
            total += tokenizer.count(String(decoding: buffer[..<cut], as: UTF8.self))
            buffer.removeSubrange(..<cut)
        }
        return total + tokenizer.count(String(decoding: buffer, as: UTF8.self))
    }

    /// The last offset where the text may be cut (see ``BPEEncoding/safeCut(_:after:)``).
    static func lastCut(in bytes: [UInt8]) -> Int? {
        var index = bytes.count - 1
        while index > 0 {
            if bytes[index - 1] == 0x0A && BPEEncoding.startsPieceAfterNewline(bytes[index]) { return index }
            index -= 1
        }
        return nil
    }
}
