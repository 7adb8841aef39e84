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
        // New-file lines already shown, by a hunk or a window: never shown twice.
        var shown = Set(hunks.flatMap { $0.lines.compactMap(\.newLine) })
        for (index, hunk) in hunks.enumerated() {
            let start = hunk.newStart
            let end = hunk.newStart + max(hunk.newCount, 1) - 1
            var window = ContextWindow()
            if let (first, indent) = Self.firstChange(hunk),
                let scope = ScopeFinder.scope(above: first, indent: indent, in: source, limit: maxAbove),
                scope.line < start
            {
                // Far above: its opening line alone. Near: every line from it down to the hunk. Either way, lines an
                // earlier hunk or window showed are left out (the renderer marks the gap).
                let wanted = scope.far ? [scope.line] : Array(scope.line..<start)
                window.scope = Self.line(scope.line, source)
                window.above = wanted.filter { !shown.contains($0) }.compactMap { Self.line($0, source) }
                shown.formUnion(window.above.map(\.number))
            }
            let nextStart = index + 1 < hunks.count ? hunks[index + 1].newStart : source.count + 1
            let last = min(end + below, nextStart - 1, source.count)
            if hunk.newCount > 0 && last > end {
                window.below = ((end + 1)...last).compactMap { Self.line($0, source) }
            }
            window.below.removeAll { shown.contains($0.number) }
            shown.formUnion(window.below.map(\.number))
            if !window.isEmpty || window.scope != nil { result[start] = window }
        }
        return result
    }

    private static func line(_ number: Int, _ source: [String]) -> NumberedLine? {
        number >= 1 && number <= source.count ? NumberedLine(number, source[number - 1]) : nil
    }

    /// The new-file number of the hunk's first changed line and the smallest indentation of its changed lines.
    package static func firstChange(_ hunk: Hunk) -> (line: Int, indent: Int)? {
        let changed = hunk.lines.filter { $0.kind != .context }
        guard !changed.isEmpty else { return nil }
        // The first run of changed lines sets the level: its added lines, else the hunk's next added line, else its
        // deleted lines. Blank lines have no level.
        let firstRun = hunk.lines.drop { $0.kind == .context }.prefix { $0.kind != .context }
        func levels(_ lines: some Sequence<DiffLine>, _ kind: DiffLine.Kind) -> [Int] {
            lines.filter { $0.kind == kind && !$0.content.trimmingWhitespace().isEmpty }.map {
                ScopeFinder.indentation($0.content)
            }
        }
        var indents = levels(firstRun, .added)
        if indents.isEmpty {
            // Only blank lines were added first: they sit at the level of the code around them.
            let start = hunk.lines.firstIndex { $0.kind != .context } ?? 0
            let around = hunk.lines.filter { $0.kind != .deleted && !$0.content.trimmingWhitespace().isEmpty }
            let after = hunk.lines[start...].first { $0.kind != .deleted && !$0.content.trimmingWhitespace().isEmpty }
            if let line = after ?? around.last { indents = [ScopeFinder.indentation(line.content)] }
        }
        if indents.isEmpty { indents = levels(firstRun, .deleted) }
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
        // Only blank lines changed: any opener above encloses them.
        return (first, indents.min() ?? Int.max)
    }
}
