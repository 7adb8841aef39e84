/// Builds the context windows of a file's hunks from the file's text at the head commit: each hunk widened up to
/// the line that opens its enclosing scope and a few lines down; windows never overlap a hunk or each other, so no
/// line is shown twice.
package struct ContextBuilder: Sendable {
    /// Most lines shown above a hunk (`context-lines`); `0` turns context off.
    package var maxAbove: Int
    /// Lines shown below a hunk.
    package var below: Int

    /// Lines below a hunk by default.
    package static let defaultBelow = 3

    /// Memberwise initialiser.
    package init(maxAbove: Int, below: Int = ContextBuilder.defaultBelow) {
        self.maxAbove = maxAbove
        self.below = below
    }

    /// The windows of `hunks` (in file order) by the hunk's `newStart`, for `source` (the new file's lines).
    package func windows(for hunks: [Hunk], source: [String]) -> [Int: ContextWindow] {
        guard maxAbove > 0, !source.isEmpty else { return [:] }
        var result: [Int: ContextWindow] = [:]
        // The last new-file line already shown (by an earlier hunk or its window).
        var shown = 0
        for (index, hunk) in hunks.enumerated() {
            let start = hunk.newStart
            let end = hunk.newStart + max(hunk.newCount, 1) - 1
            var window = ContextWindow()
            if let (first, indent) = Self.firstChange(hunk),
                let opener = ScopeFinder.opener(above: first, indent: indent, in: source, limit: maxAbove),
                opener < start
            {
                let from = max(opener, shown + 1)
                if from < start {
                    window.above = (from..<start).compactMap { Self.line($0, source) }
                }
            }
            let nextStart = index + 1 < hunks.count ? hunks[index + 1].newStart : source.count + 1
            let last = min(end + below, nextStart - 1, source.count)
            if hunk.newCount > 0 && last > end {
                window.below = ((end + 1)...last).compactMap { Self.line($0, source) }
            }
            shown = max(shown, window.below.last?.number ?? end)
            if !window.isEmpty { result[start] = window }
        }
        return result
    }

    private static func line(_ number: Int, _ source: [String]) -> NumberedLine? {
        number >= 1 && number <= source.count ? NumberedLine(number, source[number - 1]) : nil
    }

    /// The new-file number of the hunk's first changed line and the smallest indentation of its changed lines.
    static func firstChange(_ hunk: Hunk) -> (line: Int, indent: Int)? {
        let changed = hunk.lines.filter { $0.kind != .context }
        guard !changed.isEmpty else { return nil }
        let indents = changed.filter { !$0.content.trimmingWhitespace().isEmpty }.map {
            ScopeFinder.indentation($0.content)
        }
        // A deleted line has no new number: it sits where the next new line is.
        var next = hunk.newStart
        var first = hunk.newStart
        for line in hunk.lines {
            if line.kind == .added {
                first = line.newLine ?? next
                break
            }
            if line.kind == .deleted {
                first = next
                break
            }
            next = (line.newLine ?? next) + 1
        }
        return (first, indents.min() ?? 0)
    }
}
