/// Bit flags describing a Unicode scalar for the pre-tokenizers, mirroring the regex classes tiktoken uses.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`: Lu, Ll, Lt, Lm, Lo.
    static let letter = ScalarClass(rawValue: 1 << 0)
    /// `\p{N}`: Nd, Nl, No.
    static let number = ScalarClass(rawValue: 1 << 1)
    /// `\s`: the White_Space property.
    static let whitespace = ScalarClass(rawValue: 1 << 2)
    /// `\r` or `\n`.
    static let newline = ScalarClass(rawValue: 1 << 3)
    /// o200k's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let upperish = ScalarClass(rawValue: 1 << 4)
    /// o200k's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let lowerish = ScalarClass(rawValue: 1 << 5)
    /// U+0020, the only space ` ?` accepts.
    static let space = ScalarClass(rawValue: 1 << 6)
    /// U+0027, the apostrophe of contractions.
    static let apostrophe = ScalarClass(rawValue: 1 << 7)

    /// The class of `value` (a valid scalar value).
    static func of(_ value: UInt32) -> ScalarClass {
        if value < 0x1_0000 { return ScalarClass(rawValue: bmp[Int(value)]) }
        return compute(value)
    }

    /// Classes of the Basic Multilingual Plane, computed once per process.
    private static let bmp: [UInt8] = (0..<0x1_0000).map { compute(UInt32($0)).rawValue }

    private static func compute(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return [] }  // surrogate code points never reach here
        var result: ScalarClass = []
        let properties = scalar.properties
        if properties.isWhitespace { result.insert(.whitespace) }
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: result.formUnion([.letter, .upperish])
        case .lowercaseLetter: result.formUnion([.letter, .lowerish])
        case .modifierLetter, .otherLetter: result.formUnion([.letter, .upperish, .lowerish])
        case .nonspacingMark, .spacingMark, .enclosingMark: result.formUnion([.upperish, .lowerish])
        case .decimalNumber, .letterNumber, .otherNumber: result.insert(.number)
        default: break
        }
        if value == 0x0D || value == 0x0A { result.insert(.newline) }
        if value == 0x20 { result.insert(.space) }
        if value == 0x27 { result.insert(.apostrophe) }
        return result
    }

    /// `[^\r\n\p{L}\p{N}]`: the optional prefix before letters.
    @inline(__always) var isPrefix: Bool { isDisjoint(with: [.newline, .letter, .number]) }
    /// `[^\s\p{L}\p{N}]`: punctuation and symbols (and marks).
    @inline(__always) var isPunctuation: Bool { isDisjoint(with: [.whitespace, .letter, .number]) }
}

/// A text decoded into scalars with their classes and UTF-8 offsets, shared by both pre-tokenizers.
struct ScalarText {
    /// Class of each scalar.
    var classes: [ScalarClass] = []
    /// Value of each scalar (needed for contractions only).
    var values: [UInt32] = []
    /// UTF-8 offset of each scalar, plus the total length at the end.
    var offsets: [Int] = []

    /// Decodes valid UTF-8.
    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        classes.reserveCapacity(utf8.count)
        values.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var index = 0
        let count = utf8.count
        while index < count {
            let lead = utf8[index]
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead < 0xE0 {
                value = UInt32(lead & 0x1F)
                length = 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F)
                length = 3
            } else {
                value = UInt32(lead & 0x07)
                length = 4
            }
            var next = 1
            while next < length && index + next < count {
                value = (value << 6) | UInt32(utf8[index + next] & 0x3F)
                next += 1
            }
            offsets.append(index)
            values.append(value)
            classes.append(ScalarClass.of(value))
            index += length
        }
        offsets.append(count)
    }

    var count: Int { classes.count }

    /// ASCII-case-insensitive match of `value` against a lower-case letter, with `ſ` (U+017F) folding to `s`
    /// as Unicode simple case folding does in the regex `(?i)`.
    @inline(__always)
    func matches(_ index: Int, _ lower: UInt8) -> Bool {
        guard index < values.count else { return false }
        let value = values[index]
        if value == UInt32(lower) || value == UInt32(lower - 32) { return true }
        return lower == UInt8(ascii: "s") && value == 0x17F
    }
}
