/// A compact view of a whole pull request for the summary request, which starts together with the reviews and so
/// cannot read their answers: every file with its status and size, the hunk headers, then the most changed hunks,
/// within a small fixed token budget. All of it is pull-request text, for the caller to fence.
package struct ChangeOverview: Sendable {
    package var counter: any TokenCounter
    /// Tokens the overview may take.
    package var budget: Int

    /// The default budget: enough for the file list of a few hundred files and the biggest hunks.
    package static let defaultBudget = 3_000
    /// The share of the budget the file list may take; the hunk headers take up to `headerShare` more.
    package static let fileListShare = 0.45
    /// The share of the budget the file list and the hunk headers together may take.
    package static let headerShare = 0.65
    /// Most lines of one hunk shown.
    package static let hunkLineLimit = 40

    /// Memberwise initialiser.
    package init(counter: any TokenCounter, budget: Int = ChangeOverview.defaultBudget) {
        self.counter = counter
        self.budget = budget
    }

    /// The overview of `files`, at most `budget` tokens.
    package func render(_ files: [FileDiff]) -> String {
        var used = 0
        var text = "Files (status, lines added and deleted):\n"
        used += counter.count(text)
        var listed = 0
        for file in files {
            let line = Self.fileLine(file)
            let cost = counter.count(line)
            guard Double(used + cost) <= Double(budget) * Self.fileListShare else { break }
            text += line
            used += cost
            listed += 1
        }
        if listed < files.count {
            let rest = files[listed...]
            let added = rest.reduce(0) { $0 + $1.lineCount(.added) }
            let deleted = rest.reduce(0) { $0 + $1.lineCount(.deleted) }
            let more = "- …and \(rest.count) more file(s), +\(added) −\(deleted)\n"
            text += more
            used += counter.count(more)
        }
        let headers = section(
            "Hunk headers:\n", lines: files.flatMap { file in file.hunks.map { "\(file.path) \($0.header)\n" } },
            limit: Int(Double(budget) * Self.headerShare), used: &used)
        let biggest = files.flatMap { file in file.hunks.map { (file, $0) } }
            .enumerated()
            .sorted { ($0.element.1.changedLineCount, -$0.offset) > ($1.element.1.changedLineCount, -$1.offset) }
            .map { Self.hunkText(file: $0.element.0, hunk: $0.element.1) }
        let hunks = section("Most changed hunks:\n", lines: biggest, limit: budget, used: &used)
        return text + headers + hunks
    }

    /// `title` then as many of `lines` as fit under `limit` tokens, in order; empty when none fit.
    private func section(_ title: String, lines: [String], limit: Int, used: inout Int) -> String {
        var text = ""
        var spent = counter.count(title)
        for line in lines {
            let cost = counter.count(line)
            if used + spent + cost > limit { continue }
            text += line
            spent += cost
        }
        guard !text.isEmpty else { return "" }
        used += spent
        return title + text
    }

    /// `- path (modified, +12 −3)`.
    static func fileLine(_ file: FileDiff) -> String {
        var status = file.status
        if let previous = file.previousPath, previous != file.path { status += " from \(previous)" }
        return "- \(file.path) (\(status), +\(file.lineCount(.added)) −\(file.lineCount(.deleted)))\n"
    }

    /// A hunk's header and its changed lines, at most ``hunkLineLimit`` of them.
    static func hunkText(file: FileDiff, hunk: Hunk) -> String {
        let changed = hunk.lines.filter { $0.kind != .context }
        var text = "\(file.path) \(hunk.header)\n"
        for line in changed.prefix(hunkLineLimit) {
            text += (line.kind == .added ? "+" : "-") + line.content + "\n"
        }
        if changed.count > hunkLineLimit { text += "… \(changed.count - hunkLineLimit) more changed line(s)\n" }
        return text
    }
}

extension FileDiff {
    /// Lines of `kind` over all hunks.
    fileprivate func lineCount(_ kind: DiffLine.Kind) -> Int {
        hunks.reduce(0) { $0 + $1.lines.count { $0.kind == kind } }
    }
}
