/// The walkthrough of a pull request: one summary, then a table of files → what changed → findings, grouped by
/// folder or folded rather than cut when there are many files.
package enum WalkthroughRenderer {
    /// A row of the walkthrough: a file, or a group of files.
    package struct Row: Sendable, Equatable {
        package var name: String
        package var change: String
        package var findings: Int
        package var files: Int
    }

    /// Rows folded into `<details>` past this many.
    package static let foldAfter = 12
    /// Characters the table may take in a comment (GitHub caps comments at 65,536).
    package static let defaultBudget = 30_000

    /// The summary to show first: the merged one, else the requests' summaries.
    package static func summary(_ report: RunReport) -> Markdown {
        let parts = report.mergedSummary.map { [$0] } ?? report.summaries
        return parts.map { MarkdownBuilder.model($0, repository: report.repository) }.joined(separator: "\n\n")
    }

    /// One row per reviewed file, in pull-request order: the model's line on it and its posted findings.
    package static func rows(_ report: RunReport) -> [Row] {
        var changes: [String: [String]] = [:]
        for change in report.outcomes.compactMap(\.review).flatMap(\.files) where !change.change.isEmpty {
            if changes[change.path]?.contains(change.change) != true {
                changes[change.path, default: []].append(change.change)
            }
        }
        var findings: [String: Int] = [:]
        for finding in report.placement.posted { findings[finding.path, default: 0] += 1 }
        let reviewed = Set(report.reviewedPaths)
        return report.files.map(\.path).filter(reviewed.contains).map { path in
            Row(
                name: path, change: (changes[path] ?? []).joined(separator: "; "), findings: findings[path] ?? 0,
                files: 1)
        }
    }

    /// The rows grouped by their folder (`depth` path components; 0 groups everything).
    package static func grouped(_ rows: [Row], depth: Int) -> [Row] {
        var order: [String] = []
        var groups: [String: [Row]] = [:]
        for row in rows {
            let components = row.name.split(separator: "/").dropLast()
            let key = depth == 0 ? "" : components.prefix(depth).joined(separator: "/")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        return order.map { key in
            let members = groups[key] ?? []
            var seen = Set<String>()
            let changes = members.map(\.change).filter { !$0.isEmpty && seen.insert($0).inserted }
            var change = changes.prefix(3).joined(separator: "; ")
            if changes.count > 3 { change += "; …" }
            return Row(
                name: (key.isEmpty ? "(repository root)" : key + "/"), change: change,
                findings: members.reduce(0) { $0 + $1.findings }, files: members.count)
        }
    }

    /// The walkthrough table within `budget` characters: per file, else by folder at shrinking depth.
    package static func table(_ report: RunReport, budget: Int = defaultBudget) -> Markdown {
        let rows = rows(report)
        guard !rows.isEmpty else { return .empty }
        for depth in [Int.max, 3, 2, 1, 0] {
            let shown = depth == .max ? rows : grouped(rows, depth: depth)
            let text = render(shown, grouped: depth != .max, total: rows.count, repository: report.repository)
            if text.count <= budget { return text }
        }
        return "\n\(rows.count) files reviewed; the walkthrough is too long to show here.\n"
    }

    /// A model's one-line description of a change, for a table cell: cleaned, then kept on one line.
    package static func changeCell(_ change: String, repository: String?) -> Markdown {
        guard !change.isEmpty else { return "–" }
        return MarkdownBuilder.tableCell(model: change, repository: repository)
    }

    private static func render(_ rows: [Row], grouped: Bool, total: Int, repository: String?) -> Markdown {
        var table: Markdown = grouped ? "| Files" : "| File"
        table += " | What changed | Findings |\n|---|---|---:|\n"
        for row in rows {
            let name: Markdown = grouped ? "\(codeCell: row.name) (\(row.files))" : "\(codeCell: row.name)"
            table += "| \(name) | \(changeCell(row.change, repository: repository)) | \(row.findings) |\n"
        }
        guard rows.count > foldAfter else { return "\n### Walkthrough\n\n" + table }
        return "\n<details><summary>Walkthrough: \(total) file(s)</summary>\n\n" + table + "\n</details>\n"
    }
}
