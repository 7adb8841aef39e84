/// Text made safe to print to a terminal. Model answers, file names and pull-request text may carry escape
/// sequences that set the window title, move the cursor, hide text or plant hyperlinks (OSC 8); printed as they are,
/// the terminal obeys them.
package enum TerminalText {
    /// `text` without C0 and C1 control characters and without ANSI escape sequences: CSI (`ESC [` … final byte,
    /// or the one-byte `0x9B`), OSC and the other string sequences (`ESC ]` … `BEL` or `ESC \`), two-character
    /// escapes and a lone `ESC`. Newlines and tabs are kept; `CR LF` becomes `LF`, and a bare `CR`, which would
    /// let later text overwrite the line, is shown as `␍`.
    package static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar.value {
            case 0x0A, 0x09:
                out.append(scalar)
            case 0x0D:
                if index < scalars.count && scalars[index].value == 0x0A { continue }  // the LF follows
                out.append("␍")
            case 0x1B:
                index = skipEscape(scalars, from: index)
            case 0x9B:
                index = skipControlSequence(scalars, from: index)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // DCS, SOS, OSC, PM, APC
                index = skipString(scalars, from: index)
            case 0x00..<0x20, 0x7F..<0xA0:
                continue  // any other C0 or C1 control, and DEL
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Skips what follows an `ESC` at `index`; returns the index after the sequence.
    private static func skipEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count else { return start }
        switch scalars[start] {
        case "[": return skipControlSequence(scalars, from: start + 1)
        case "]", "P", "X", "^", "_": return skipString(scalars, from: start + 1)
        default:
            // `ESC` intermediates (0x20–0x2F) final (0x30–0x7E), e.g. `ESC c`, `ESC ( B`; else a lone ESC.
            var index = start
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { return index + 1 }
            return index
        }
    }

    /// Skips a CSI's parameter (0x30–0x3F) and intermediate (0x20–0x2F) bytes and its final byte (0x40–0x7E).
    /// A sequence cut short by any other character ends before it, so that character is kept (or filtered).
    private static func skipControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
        if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { return index + 1 }
        return index
    }

    /// Skips an OSC-like string up to and including its terminator: `BEL`, `ESC \` or `0x9C`. An unterminated
    /// string ends at the next line break, which is kept.
    private static func skipString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            switch scalars[index].value {
            case 0x07, 0x9C: return index + 1
            case 0x1B:
                // `ESC \` ends the string; any other escape ends it too and is skipped as an escape of its own.
                return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index
            case 0x0A, 0x0D: return index
            default: index += 1
            }
        }
        return index
    }
}
