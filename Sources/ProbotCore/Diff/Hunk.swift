/// One `@@ -a,b +c,d @@` section of a patch.
package struct Hunk: Sendable, Equatable, Codable {
    /// First old line, e.g. `10` in `@@ -10,4 +12,5 @@`.
    package var oldStart: Int
    /// Old line count, e.g. `4` in `@@ -10,4 +12,5 @@` (`1` when omitted).
    package var oldCount: Int
    /// First new line, e.g. `12` in `@@ -10,4 +12,5 @@`.
    package var newStart: Int
    /// New line count, e.g. `5` in `@@ -10,4 +12,5 @@`.
    package var newCount: Int
    /// Text after the second `@@`, often the enclosing function; empty when absent.
    package var section: String
    /// The hunk's lines in order.
    package var lines: [DiffLine]

    /// Memberwise initialiser.
    package init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, section: String, lines: [DiffLine]) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
        self.section = section
        self.lines = lines
    }

    /// The header as GitHub prints it.
    package var header: String {
        let old = oldCount == 1 ? "\(oldStart)" : "\(oldStart),\(oldCount)"
        let new = newCount == 1 ? "\(newStart)" : "\(newStart),\(newCount)"
        return "@@ -\(old) +\(new) @@" + (section.isEmpty ? "" : " \(section)")
    }

    /// Added and deleted lines.
    package var changedLineCount: Int { lines.count { $0.kind != .context } }
}
