/// Renders hunks for the model with explicit line numbers it can cite.
///
/// Added lines read `+12: text` and context lines ` 12: text` with new-file numbers (side `RIGHT`); deleted lines
/// read `-40: text` with old-file numbers (side `LEFT`). Surrounding code from the file (``ContextWindow``) reads
/// `~8: text`: for understanding only, not part of the diff.
package enum DiffRenderer {
    /// The file header and its hunks.
    /// - Parameter part: `(index, count)` when a file is split across requests.
    /// - Parameter withContext: show the file's context windows around the hunks.
    package static func render(file: FileDiff, hunks: [Hunk], part: (Int, Int)? = nil, withContext: Bool = true)
        -> String
    {
        render(file: file, hunks: hunks, part: part, level: withContext ? .full : .none)
    }

    /// The file header and its hunks, with the file's context windows cut to `level`. A widened hunk's header
    /// covers its window, so the numbers run forward from the header (`@@ -12,10 +12,12 @@` then `~12:`).
    package static func render(file: FileDiff, hunks: [Hunk], part: (Int, Int)?, level: ContextLevel) -> String {
        var text = "### File: \(file.path)"
        if let previous = file.previousPath, previous != file.path { text += " (renamed from \(previous))" }
        if file.status == "added" { text += " (new file)" }
        if let (index, count) = part { text += " (part \(index) of \(count))" }
        text += "\n"
        // Lines this section has shown: a scope line an earlier hunk of the section showed is not repeated.
        var shown = Set<Int>()
        for hunk in hunks {
            let window = level.apply(file.context[hunk.newStart], shown: shown)
            shown.formUnion(hunk.lines.compactMap(\.newLine))
            shown.formUnion(((window?.above ?? []) + (window?.below ?? [])).map(\.number))
            text += widened(hunk, by: window).header + "\n"
            var previous: Int?
            for line in window?.above ?? [] {
                if let previous, line.number > previous + 1 { text += "~ …\n" }
                text += "~\(line.number): \(line.text)\n"
                previous = line.number
            }
            if let previous, previous + 1 < hunk.newStart { text += "~ …\n" }
            for line in hunk.lines {
                switch line.kind {
                case .added: text += "+\(line.newLine ?? 0): \(line.content)\n"
                case .context: text += " \(line.newLine ?? 0): \(line.content)\n"
                case .deleted: text += "-\(line.oldLine ?? 0): \(line.content)\n"
                }
            }
            for line in window?.below ?? [] { text += "~\(line.number): \(line.text)\n" }
        }
        return text
    }

    /// `hunk`'s range widened to cover `window`: context lines are unchanged, so the old side moves with the new.
    package static func widened(_ hunk: Hunk, by window: ContextWindow?) -> Hunk {
        guard let window, !window.isEmpty else { return hunk }
        let end = hunk.newStart + max(hunk.newCount, 1) - 1
        let above = window.above.first.map { max(0, hunk.newStart - $0.number) } ?? 0
        let below = window.below.last.map { max(0, $0.number - end) } ?? 0
        var widened = hunk
        widened.oldStart = max(1, hunk.oldStart - above)
        widened.oldCount = hunk.oldCount + above + below
        widened.newStart = hunk.newStart - above
        widened.newCount = hunk.newCount + above + below
        return widened
    }

    /// Whole-file chunks for an audit: `### File: path (lines 1–200 of 812)` then `12: text` lines.
    package static func renderSource(file: FileDiff, hunks: [Hunk]) -> String {
        let total = file.hunks.last.map { $0.newStart + $0.newCount - 1 } ?? 0
        let first = hunks.first?.newStart ?? 1
        let last = hunks.last.map { $0.newStart + $0.newCount - 1 } ?? 0
        var text = "### File: \(file.path)"
        if first != 1 || last != total { text += " (lines \(first)–\(last) of \(total))" }
        text += "\n"
        for hunk in hunks {
            for line in hunk.lines { text += "\(line.newLine ?? 0): \(line.content)\n" }
        }
        return text
    }
}
