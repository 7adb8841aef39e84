import Foundation

/// Parses the `patch` field of GitHub's files API: hunks only, no `diff --git` or `---`/`+++` headers.
package enum PatchParser {
    /// Parses hunks, numbering every line on both sides.
    ///
    /// Handles `\ No newline at end of file` (not a line), CRLF line ends, context lines whose leading space was
    /// stripped to an empty line, and hunk counts that run short.
    /// - Throws: ``DiffParseError`` for headers or lines that are not unified-diff syntax.
    package static func parse(_ patch: String) throws(DiffParseError) -> [Hunk] {
        var hunks: [Hunk] = []
        var cursor: HunkCursor?
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on both forms of line end.
        var lines = patch.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        for rawLine in lines {
            lineNumber += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.hasPrefix("@@") {
                if let finished = cursor?.hunk { hunks.append(finished) }
                guard let header = HunkHeader(line) else {
                    throw .badHunkHeader(line: lineNumber, text: String(line))
                }
                cursor = HunkCursor(header)
                continue
            }
            if line.hasPrefix("\\") { continue }  // "\ No newline at end of file"
            guard cursor != nil else {
                if line.isEmpty { continue }
                throw .contentBeforeHunk(line: lineNumber)
            }
            guard cursor?.take(line) == true else { throw .unexpectedLine(line: lineNumber, text: String(line)) }
        }
        if let finished = cursor?.hunk { hunks.append(finished) }
        return hunks
    }
}

/// The hunk being read, with the next line numbers on each side and the lines its header still owes.
private struct HunkCursor {
    var hunk: Hunk
    var oldLine: Int
    var newLine: Int
    var oldRemaining: Int
    var newRemaining: Int

    init(_ header: HunkHeader) {
        hunk = Hunk(
            oldStart: header.oldStart, oldCount: header.oldCount, newStart: header.newStart,
            newCount: header.newCount, section: header.section, lines: [])
        oldLine = header.oldStart
        newLine = header.newStart
        oldRemaining = header.oldCount
        newRemaining = header.newCount
    }

    /// Adds one body line; `false` when it starts with none of `+`, `-` or a space.
    mutating func take(_ line: Substring) -> Bool {
        let marker = line.first
        let content = line.isEmpty ? "" : String(line.dropFirst())
        switch marker {
        case "+":
            hunk.lines.append(DiffLine(kind: .added, content: content, oldLine: nil, newLine: newLine))
            newLine += 1
            newRemaining -= 1
        case "-":
            hunk.lines.append(DiffLine(kind: .deleted, content: content, oldLine: oldLine, newLine: nil))
            oldLine += 1
            oldRemaining -= 1
        case " ", nil:
            // An empty line is a context line whose single space was trimmed by an editor or API;
            // it only counts when the header says lines are still due, otherwise it is trailing padding.
            if marker == nil && oldRemaining <= 0 && newRemaining <= 0 { return true }
            hunk.lines.append(DiffLine(kind: .context, content: content, oldLine: oldLine, newLine: newLine))
            oldLine += 1
            newLine += 1
            oldRemaining -= 1
            newRemaining -= 1
        default:
            return false
        }
        return true
    }
}

/// The numbers in `@@ -a[,b] +c[,d] @@ section`.
struct HunkHeader {
    var oldStart: Int
    var oldCount: Int
    var newStart: Int
    var newCount: Int
    var section: String

    init?(_ line: Substring) {
        guard line.hasPrefix("@@ -") else { return nil }
        let afterOpen = line.dropFirst(4)
        guard let close = afterOpen.range(of: " @@") else { return nil }
        let ranges = afterOpen[..<close.lowerBound].split(separator: " ")
        guard ranges.count == 2, ranges[1].hasPrefix("+") else { return nil }
        guard let old = Self.range(ranges[0]), let new = Self.range(ranges[1].dropFirst()) else { return nil }
        (oldStart, oldCount) = old
        (newStart, newCount) = new
        section = afterOpen[close.upperBound...].trimmingPrefix(" ").description
    }

    private static func range(_ text: Substring) -> (Int, Int)? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = Int(parts[0]), start >= 0 else { return nil }
        if parts.count == 1 { return (start, 1) }
        guard parts.count == 2, let count = Int(parts[1]), count >= 0 else { return nil }
        return (start, count)
    }
}
