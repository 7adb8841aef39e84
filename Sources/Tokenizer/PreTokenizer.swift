/// Splits text into the pieces BPE encodes, exactly as tiktoken's regex for an encoding does.
///
/// Each splitter is a hand-written scanner over scalar classes that reproduces the regex's leftmost-first
/// alternation and backtracking; the comments name the alternative each branch implements.
enum PreTokenizer {
    case cl100k
    case o200k

    /// Calls `body` with each piece as a range of scalar indices into `text`.
    func split(_ text: ScalarText, _ body: (Range<Int>) -> Void) {
        var index = 0
        let count = text.count
        text.classes.withUnsafeBufferPointer { classes in
            while index < count {
                let end: Int
                switch self {
                case .cl100k: end = Self.cl100kPiece(text, classes, at: index)
                case .o200k: end = Self.o200kPiece(text, classes, at: index)
                }
                body(index..<end)
                index = end
            }
        }
    }

    /// End of the maximal run from `start` of scalars whose class intersects `set`.
    @inline(__always)
    static func run(_ classes: UnsafeBufferPointer<ScalarClass>, from start: Int, _ set: ScalarClass) -> Int {
        var end = start
        while end < classes.count && !classes[end].isDisjoint(with: set) { end += 1 }
        return end
    }

    /// `\p{N}{1,3}`: up to three numbers from `i`, or `nil` when `i` is not a number.
    @inline(__always)
    static func numberPiece(_ classes: UnsafeBufferPointer<ScalarClass>, at i: Int) -> Int? {
        guard classes[i].contains(.number) else { return nil }
        var end = i + 1
        while end < classes.count && end < i + 3 && classes[end].contains(.number) { end += 1 }
        return end
    }

    /// ` ?[^\s\p{L}\p{N}]+`: an optional space then a maximal run of punctuation, or `nil` when none starts at `i`.
    @inline(__always)
    static func punctuationRun(_ classes: UnsafeBufferPointer<ScalarClass>, at i: Int) -> Int? {
        let count = classes.count
        var start: Int
        if classes[i].contains(.space) && i + 1 < count && classes[i + 1].isPunctuation {
            start = i + 1
        } else if classes[i].isPunctuation {
            start = i
        } else {
            return nil
        }
        while start < count && classes[start].isPunctuation { start += 1 }
        return start
    }

    /// The whitespace alternatives shared by both encodings, after the run `start..<runEnd`:
    /// `\s*[\r\n]` / `\s*[\r\n]+` (up to the last newline in the run), then `\s+(?!\S)` (all but the last
    /// whitespace when a non-space follows), then a single whitespace.
    @inline(__always)
    static func whitespacePiece(_ classes: UnsafeBufferPointer<ScalarClass>, start: Int, runEnd: Int) -> Int {
        var last = runEnd - 1
        while last >= start {
            if classes[last].contains(.newline) { return last + 1 }
            last -= 1
        }
        if runEnd == classes.count { return runEnd }
        if runEnd - start >= 2 { return runEnd - 1 }
        return start + 1
    }

    // MARK: cl100k_base
    // '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s

    static func cl100kPiece(_ text: ScalarText, _ classes: UnsafeBufferPointer<ScalarClass>, at i: Int) -> Int {
        let count = classes.count
        let current = classes[i]
        // '(?i:[sdmt]|ll|ve|re)
        if current.contains(.apostrophe) {
            if text.matches(i + 1, UInt8(ascii: "s")) || text.matches(i + 1, UInt8(ascii: "d"))
                || text.matches(i + 1, UInt8(ascii: "m")) || text.matches(i + 1, UInt8(ascii: "t"))
            {
                return i + 2
            }
            if (text.matches(i + 1, UInt8(ascii: "l")) && text.matches(i + 2, UInt8(ascii: "l")))
                || (text.matches(i + 1, UInt8(ascii: "v")) && text.matches(i + 2, UInt8(ascii: "e")))
                || (text.matches(i + 1, UInt8(ascii: "r")) && text.matches(i + 2, UInt8(ascii: "e")))
            {
                return i + 3
            }
        }
        // [^\r\n\p{L}\p{N}]?+\p{L}++  (the possessive prefix never gives back; without it a letter must start here)
        let letterStart = current.isPrefix ? i + 1 : i
        if letterStart < count && classes[letterStart].contains(.letter) {
            return run(classes, from: letterStart, .letter)
        }
        // \p{N}{1,3}+
        if let end = numberPiece(classes, at: i) { return end }
        //  ?[^\s\p{L}\p{N}]++[\r\n]*+
        if let end = punctuationRun(classes, at: i) { return run(classes, from: end, .newline) }
        // \s++$ | \s*[\r\n] | \s+(?!\S) | \s
        let runEnd = run(classes, from: i, .whitespace)
        if runEnd == count { return runEnd }
        return whitespacePiece(classes, start: i, runEnd: runEnd)
    }

    // MARK: o200k_base
    // [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
    // |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
    // |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+

    static func o200kPiece(_ text: ScalarText, _ classes: UnsafeBufferPointer<ScalarClass>, at i: Int) -> Int {
        let count = classes.count
        let current = classes[i]
        // The optional prefix is tried taken, then not: `firstStart` then `i`.
        let firstStart = current.isPrefix ? i + 1 : i
        // Alternative 1: prefix? upper* lower+ contraction?
        var start = firstStart
        while true {
            let upperEnd = run(classes, from: start, .upperish)
            var lowerStart = -1
            if upperEnd < count && classes[upperEnd].contains(.lowerish) {
                lowerStart = upperEnd
            } else {
                // Backtrack upper* to the last scalar that is also lower-ish (Lm, Lo or a mark).
                var k = upperEnd - 1
                while k >= start {
                    if classes[k].contains(.lowerish) {
                        lowerStart = k
                        break
                    }
                    k -= 1
                }
            }
            if lowerStart >= 0 {
                return contraction(text, after: run(classes, from: lowerStart, .lowerish))
            }
            if start == i { break }
            start = i
        }
        // Alternative 2: prefix? upper+ lower* contraction?
        start = firstStart
        while true {
            let upperEnd = run(classes, from: start, .upperish)
            if upperEnd > start {
                return contraction(text, after: run(classes, from: upperEnd, .lowerish))
            }
            if start == i { break }
            start = i
        }
        // \p{N}{1,3}
        if let end = numberPiece(classes, at: i) { return end }
        //  ?[^\s\p{L}\p{N}]+[\r\n/]*
        if var end = punctuationRun(classes, at: i) {
            while end < count && (classes[end].contains(.newline) || text.values[end] == 0x2F) { end += 1 }
            return end
        }
        // \s*[\r\n]+ | \s+(?!\S) | \s+
        return whitespacePiece(classes, start: i, runEnd: run(classes, from: i, .whitespace))
    }

    /// `(?i:'s|'t|'re|'ve|'m|'ll|'d)?` at `end`.
    @inline(__always)
    static func contraction(_ text: ScalarText, after end: Int) -> Int {
        guard end < text.count, text.classes[end].contains(.apostrophe) else { return end }
        if text.matches(end + 1, UInt8(ascii: "s")) || text.matches(end + 1, UInt8(ascii: "t")) { return end + 2 }
        if text.matches(end + 1, UInt8(ascii: "r")) && text.matches(end + 2, UInt8(ascii: "e")) { return end + 3 }
        if text.matches(end + 1, UInt8(ascii: "v")) && text.matches(end + 2, UInt8(ascii: "e")) { return end + 3 }
        if text.matches(end + 1, UInt8(ascii: "m")) { return end + 2 }
        if text.matches(end + 1, UInt8(ascii: "l")) && text.matches(end + 2, UInt8(ascii: "l")) { return end + 3 }
        if text.matches(end + 1, UInt8(ascii: "d")) { return end + 2 }
        return end
    }
}
