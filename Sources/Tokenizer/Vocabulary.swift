/// A tiktoken rank file (`base64-token rank` per line) in a flat open-addressing hash table keyed by byte slices.
///
/// Token bytes live in one contiguous buffer indexed by rank, so a lookup hashes the slice, probes, and compares
/// bytes in place: no per-token allocations when loading or encoding.
///
/// Immutable after `init`; the buffers are allocated once and freed in `deinit`, hence `@unchecked Sendable`.
package final class Vocabulary: @unchecked Sendable {
    /// Concatenated bytes of every token, by rank.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// `offsets[rank] ..< offsets[rank + 1]` is the token of `rank`; unused ranks are empty.
    private let offsets: UnsafeMutableBufferPointer<Int32>
    /// Slots hold `rank + 1`, or `0` when empty. The count is a power of two.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let mask: Int
    /// Rank of each single byte (byte-level BPE covers all 256).
    private let byteRanks: UnsafeMutableBufferPointer<Int32>

    /// Number of mergeable tokens.
    package let count: Int

    /// Why a rank file could not be read.
    package enum LoadError: Error, Equatable, CustomStringConvertible {
        case malformedLine(Int)
        case missingByte(UInt8)

        package var description: String {
            switch self {
            case .malformedLine(let line): "vocabulary line \(line) is not `base64 rank`"
            case .missingByte(let byte): "vocabulary has no token for byte \(byte)"
            }
        }
    }

    /// Parses the contents of a `.tiktoken` file.
    /// - Throws: ``LoadError`` for lines that are not `base64 rank` or a vocabulary missing a single byte.
    package init(tiktokenFile data: [UInt8]) throws(LoadError) {
        let (bytes, entries, maxRank) = try Self.parseLines(data)
        let (ordered, offsets) = Self.orderByRank(bytes: bytes, entries: entries, maxRank: maxRank)
        let (slots, byteRanks) = Self.hashTable(ordered: ordered, offsets: offsets, entries: entries)
        if let missing = byteRanks.firstIndex(of: -1) { throw .missingByte(UInt8(missing)) }
        self.bytes = Self.copy(ordered)
        self.offsets = Self.copy(offsets)
        self.slots = Self.copy(slots)
        self.mask = slots.count - 1
        self.byteRanks = Self.copy(byteRanks)
        self.count = entries.count
    }

    private typealias Entry = (rank: Int32, start: Int32, end: Int32)

    /// Decodes every `base64 rank` line: the tokens' bytes back to back, and each token's rank and range.
    private static func parseLines(_ data: [UInt8]) throws(LoadError) -> (
        bytes: [UInt8], entries: [Entry], maxRank: Int32
    ) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count * 3 / 4)
        var entries: [Entry] = []
        entries.reserveCapacity(data.count / 12)
        var maxRank: Int32 = -1
        var index = 0
        var lineNumber = 0
        while index < data.count {
            lineNumber += 1
            let start = bytes.count
            // Token: base64 until the space.
            guard decodeToken(data, at: &index, into: &bytes), index < data.count, bytes.count > start else {
                throw .malformedLine(lineNumber)
            }
            index += 1
            guard let rank = decodeRank(data, at: &index) else { throw .malformedLine(lineNumber) }
            entries.append((rank, Int32(start), Int32(bytes.count)))
            maxRank = max(maxRank, rank)
        }
        return (bytes, entries, maxRank)
    }

    /// Appends the base64 token up to the next space; `false` on a character that is not base64.
    private static func decodeToken(_ data: [UInt8], at index: inout Int, into bytes: inout [UInt8]) -> Bool {
        let decode = Base64.table
        var accumulator: UInt32 = 0
        var bits = 0
        while index < data.count && data[index] != 0x20 {
            let value = decode[Int(data[index])]
            index += 1
            if value == 0xFF { continue }  // '=' padding
            guard value < 64 else { return false }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return true
    }

    /// Reads the decimal rank up to the end of the line (a CR is skipped); `nil` without digits or on another
    /// character.
    private static func decodeRank(_ data: [UInt8], at index: inout Int) -> Int32? {
        var rank: Int32 = 0
        var digits = 0
        while index < data.count && data[index] != 0x0A {
            let digit = data[index] &- 0x30
            if data[index] == 0x0D {
                index += 1
                continue
            }
            guard digit < 10 else { return nil }
            rank = rank &* 10 &+ Int32(digit)
            digits += 1
            index += 1
        }
        index += 1
        return digits > 0 ? rank : nil
    }

    /// The tokens' bytes in rank order, and where each rank starts (one extra offset at the end).
    private static func orderByRank(bytes: [UInt8], entries: [Entry], maxRank: Int32) -> (
        ordered: [UInt8], offsets: [Int32]
    ) {
        var offsets = [Int32](repeating: 0, count: Int(maxRank) + 2)
        var ordered = [UInt8]()
        ordered.reserveCapacity(bytes.count)
        var byRank = [(start: Int32, end: Int32)](repeating: (0, 0), count: Int(maxRank) + 1)
        for entry in entries { byRank[Int(entry.rank)] = (entry.start, entry.end) }
        for rank in 0...Int(maxRank) {
            offsets[rank] = Int32(ordered.count)
            ordered.append(contentsOf: bytes[Int(byRank[rank].start)..<Int(byRank[rank].end)])
        }
        offsets[Int(maxRank) + 1] = Int32(ordered.count)
        return (ordered, offsets)
    }

    /// The open-addressing table of ranks (rank + 1; 0 is empty), a power of two at least twice the entries,
    /// and the rank of each single byte (-1 when the vocabulary lacks it).
    private static func hashTable(ordered: [UInt8], offsets: [Int32], entries: [Entry]) -> (
        slots: [Int32], byteRanks: [Int32]
    ) {
        var capacity = 1
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        var byteRanks = [Int32](repeating: -1, count: 256)
        ordered.withUnsafeBufferPointer { buffer in
            for entry in entries {
                let rank = Int(entry.rank)
                let start = Int(offsets[rank])
                let length = Int(offsets[rank + 1]) - start
                if length == 1 { byteRanks[Int(buffer[start])] = entry.rank }
                var slot = Int(truncatingIfNeeded: Self.hash(buffer.baseAddress! + start, length)) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry.rank + 1
            }
        }
        return (slots, byteRanks)
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
        slots.deallocate()
        byteRanks.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// The rank of `length` bytes at `start`, or `-1` when they are not a token.
    @inline(__always)
    package func rank(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        if length == 1 { return byteRanks[Int(start.pointee)] }
        var slot = Int(truncatingIfNeeded: Self.hash(start, length)) & mask
        let tokens = bytes.baseAddress.unsafelyUnwrapped
        while true {
            let stored = slots[slot]
            if stored == 0 { return -1 }
            let rank = Int(stored - 1)
            let tokenStart = Int(offsets[rank])
            if Int(offsets[rank + 1]) - tokenStart == length && memoryEqual(tokens + tokenStart, start, length) {
                return Int32(rank)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The bytes of `rank`, or `nil` for an unknown rank.
    package func token(_ rank: Int) -> ArraySlice<UInt8>? {
        guard rank >= 0, rank + 1 < offsets.count else { return nil }
        let range = Int(offsets[rank])..<Int(offsets[rank + 1])
        return range.isEmpty ? nil : ArraySlice(bytes[range])
    }

    /// A 64-bit hash of a byte slice: 8 bytes at a time, then a murmur-style finaliser.
    @inline(__always)
    static func hash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: length)
        var index = 0
        let raw = UnsafeRawPointer(pointer)
        while index + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            h = (h ^ word) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            index += 8
        }
        if index < length {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < length {
                tail |= UInt64(pointer[index]) << shift
                shift += 8
                index += 1
            }
            h = (h ^ tail) &* 0x0000_0100_0000_01B3
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}

@inline(__always)
private func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index < count {
        if lhs[index] != rhs[index] { return false }
        index += 1
    }
    return true
}

enum Base64 {
    /// Sextet value of each ASCII byte: 0–63, `0xFF` for `=`, `0xFE` for anything else.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFE, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        table[Int(UInt8(ascii: "="))] = 0xFF
        return table
    }()
}
