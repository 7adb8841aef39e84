/// A file of the checked-out repository, read for an audit.
package struct AuditFile: Sendable, Equatable {
    /// Path relative to the workspace, `/`-separated.
    package var path: String
    package var text: String

    /// Memberwise initialiser.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Lines in the file (a final newline does not start another line).
    package var lineCount: Int { lines.count }

    var lines: [Substring] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The file as numbered chunks of at most `chunkLines` lines, so a large file splits between chunks.
    package func asFileDiff(chunkLines: Int = 200) -> FileDiff {
        let lines = self.lines
        var hunks: [Hunk] = []
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + chunkLines)
            let chunk = (start..<end).map {
                DiffLine(kind: .context, content: String(lines[$0]), oldLine: $0 + 1, newLine: $0 + 1)
            }
            hunks.append(
                Hunk(
                    oldStart: start + 1, oldCount: end - start, newStart: start + 1, newCount: end - start, section: "",
                    lines: chunk))
            start = end
        }
        return FileDiff(path: path, status: "audit", hunks: hunks)
    }
}

/// Which files an audit covers, and why the others are left out.
package struct AuditScope: Sendable {
    package var filter: PathFilter
    /// Paths or globs from `audit-paths`; empty means everything.
    package var paths: [String]
    package var shard: Shard?
    /// 0 means no cap.
    package var maxFiles: Int

    /// Memberwise initialiser.
    package init(filter: PathFilter, paths: [String], shard: Shard?, maxFiles: Int) {
        self.filter = filter
        self.paths = paths
        self.shard = shard
        self.maxFiles = maxFiles
    }

    /// Whether `path` is inside `audit-paths`: a glob when it has `*` or `?`, else a folder or file prefix.
    package func inScope(_ path: String) -> Bool {
        guard !paths.isEmpty else { return true }
        return paths.contains { entry in
            if entry.contains("*") || entry.contains("?") { return GlobPattern(entry).matches(path) }
            var prefix = entry.hasPrefix("./") ? String(entry.dropFirst(2)) : entry
            while prefix.hasSuffix("/") { prefix.removeLast() }
            return prefix.isEmpty || path == prefix || path.hasPrefix(prefix + "/")
        }
    }

    /// Splits `paths` (sorted) into the files to audit and the ledger of the rest. Files of other shards are not
    /// listed: they belong to another job.
    package func select(_ paths: [String]) -> (selected: [String], skipped: [SkippedFile], otherShards: Int) {
        var selected: [String] = []
        var skipped: [SkippedFile] = []
        var otherShards = 0
        for path in paths.sorted() {
            guard inScope(path) else { continue }
            if let shard, !shard.contains(path) {
                otherShards += 1
                continue
            }
            if let reason = filter.exclusionReason(for: path) {
                skipped.append(SkippedFile(path: path, reason: reason))
                continue
            }
            if maxFiles > 0 && selected.count >= maxFiles {
                skipped.append(SkippedFile(path: path, reason: .capReached("max-files \(maxFiles)")))
                continue
            }
            selected.append(path)
        }
        return (selected, skipped, otherShards)
    }
}
