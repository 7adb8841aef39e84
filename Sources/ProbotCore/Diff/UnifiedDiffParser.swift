import Foundation

/// Splits a whole unified diff (`git diff`, `diff -u`) into per-file entries shaped like GitHub's files API.
package enum UnifiedDiffParser {
    /// Parses `text` into changed files; each `patch` holds that file's hunks verbatim.
    ///
    /// Understands `diff --git` sections, `rename from`/`rename to`, `new file mode`, `deleted file mode`,
    /// `Binary files … differ` (no patch), bare `---`/`+++` pairs without a `diff --git` line, paths in git's
    /// C-style quotes (``GitQuotedPath``), and `git format-patch` mails: the mail header before the first
    /// `diff --git` and the `-- ` signature after the last hunk are not diff. A hunk ends when the line counts of
    /// its `@@` header are used up; what follows up to the next header is not part of it.
    package static func parse(_ text: String) -> [ChangedFile] {
        var files: [ChangedFile] = []
        var builder: Builder?
        // `git format-patch` output starts each mail with `From <sha> Mon Sep 17 00:00:00 2001`; the message
        // (which the author wrote and may hold diff-like lines) runs until the first `diff --git`.
        var inMailHeader = false
        // "\r\n" is one Character in Swift, so split on both forms of line end.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        var index = 0
        while index < lines.count {
            let line = lines[index].hasSuffix("\r") ? lines[index].dropLast() : lines[index]
            defer { index += 1 }
            if line.hasPrefix("diff --git ") {
                if let done = builder?.build() { files.append(done) }
                builder = Builder(gitHeader: line)
                inMailHeader = false
                continue
            }
            if builder?.inOpenHunk != true && isMailStart(line) {
                if let done = builder?.build() { files.append(done) }
                builder = nil
                inMailHeader = true
                continue
            }
            if inMailHeader { continue }
            if line.hasPrefix("--- "), index + 1 < lines.count, lines[index + 1].hasPrefix("+++ "),
                builder?.expectsHeader ?? true
            {
                // A bare ---/+++ pair starts a new file unless a diff --git header already did;
                // inside a hunk that still expects lines, "--- x" is a deleted "-- x" line, not a header.
                if builder == nil || builder?.inHunks == true {
                    if let done = builder?.build() { files.append(done) }
                    builder = Builder()
                }
                builder?.setOldPath(line.dropFirst(4))
                builder?.setNewPath(lines[index + 1].dropFirst(4))
                index += 1
                continue
            }
            guard builder != nil else { continue }
            if builder?.inHunks == false {
                builder?.takeHeaderLine(line, raw: lines[index])
                continue
            }
            // Past the last line the header counted, only a new hunk or a "\ No newline" marker belongs to the
            // file; anything else (a format-patch signature, trailing text) is not diff.
            if builder?.inOpenHunk == true || line.hasPrefix("@@") || line.hasPrefix("\\") {
                builder?.append(lines[index])
            }
        }
        if let done = builder?.build() { files.append(done) }
        return files
    }

    /// Whether `line` is the first line of a `git format-patch` mail: `From <hex sha> Mon Sep 17 00:00:00 2001`.
    private static func isMailStart(_ line: Substring) -> Bool {
        guard line.hasPrefix("From "), line.hasSuffix(" Mon Sep 17 00:00:00 2001") else { return false }
        let sha = line.dropFirst("From ".count).dropLast(" Mon Sep 17 00:00:00 2001".count)
        return sha.count >= 7 && sha.allSatisfy(\.isHexDigit)
    }

    fileprivate struct Builder {
        var oldPath: String?
        var newPath: String?
        var renameFrom: String?
        var renameTo: String?
        var isNew = false
        var isDeleted = false
        var isBinary = false
        var isCopy = false
        var inHunks = false
        var patchLines: [Substring] = []
        var oldRemaining = 0
        var newRemaining = 0

        /// Whether a `---`/`+++` pair here can be a file header rather than hunk content.
        var expectsHeader: Bool { !inOpenHunk }

        /// Whether the current hunk's header still expects lines.
        var inOpenHunk: Bool { inHunks && (oldRemaining > 0 || newRemaining > 0) }

        init() {}

        init(gitHeader: Substring) {
            // "diff --git a/x b/x", either path possibly C-quoted ("diff --git "a/x\ty" "b/x\ty"").
            if let (old, new) = GitQuotedPath.gitHeaderPaths(gitHeader.dropFirst("diff --git ".count)) {
                oldPath = old.dropPrefix("a/")
                newPath = new.dropPrefix("b/")
            }
        }

        mutating func setOldPath(_ raw: Substring) {
            let path = Self.strip(raw)
            if path == "/dev/null" { isNew = true } else { oldPath = path }
        }

        mutating func setNewPath(_ raw: Substring) {
            let path = Self.strip(raw)
            if path == "/dev/null" { isDeleted = true } else { newPath = path }
        }

        mutating func append(_ line: Substring) {
            patchLines.append(line)
            if line.hasPrefix("@@"), let header = HunkHeader(line.hasSuffix("\r") ? line.dropLast() : line) {
                oldRemaining = header.oldCount
                newRemaining = header.newCount
            } else if line.hasPrefix("+") {
                newRemaining -= 1
            } else if line.hasPrefix("-") {
                oldRemaining -= 1
            } else if line.hasPrefix(" ") || line.isEmpty {
                oldRemaining -= 1
                newRemaining -= 1
            }
        }

        /// Unquotes the path, removes a trailing tab-and-timestamp and the `a/` or `b/` prefix.
        private static func strip(_ raw: Substring) -> String {
            let text = GitQuotedPath.field(raw)
            if text == "/dev/null" { return text }
            if text.hasPrefix("a/") || text.hasPrefix("b/") { return String(text.dropFirst(2)) }
            return text
        }

        func build() -> ChangedFile? {
            let finalNew = renameTo ?? newPath
            let finalOld = renameFrom ?? oldPath
            guard let filename = isDeleted ? (finalOld ?? finalNew) : (finalNew ?? finalOld) else { return nil }
            let status: String
            if isDeleted {
                status = "removed"
            } else if isNew {
                status = "added"
            } else if let finalOld, finalOld != filename {
                status = isCopy ? "copied" : "renamed"
            } else {
                status = "modified"
            }
            let additions = patchLines.count { $0.hasPrefix("+") }
            let deletions = patchLines.count { $0.hasPrefix("-") }
            let patch = patchLines.isEmpty || isBinary ? nil : patchLines.joined(separator: "\n")
            return ChangedFile(
                filename: filename, status: status, additions: additions, deletions: deletions, patch: patch,
                previousFilename: status == "renamed" || status == "copied" ? finalOld : nil)
        }
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

extension UnifiedDiffParser.Builder {
    /// Reads one line of a file's extended header (paths, renames, copies, modes, binary markers); the first `@@`
    /// starts the hunks.
    mutating func takeHeaderLine(_ line: Substring, raw: Substring) {
        if line.hasPrefix("--- ") {
            setOldPath(line.dropFirst(4))
        } else if line.hasPrefix("+++ ") {
            setNewPath(line.dropFirst(4))
        } else if line.hasPrefix("rename from ") {
            renameFrom = GitQuotedPath.field(line.dropFirst("rename from ".count))
        } else if line.hasPrefix("rename to ") {
            renameTo = GitQuotedPath.field(line.dropFirst("rename to ".count))
        } else if line.hasPrefix("copy from ") {
            renameFrom = GitQuotedPath.field(line.dropFirst("copy from ".count))
            isCopy = true
        } else if line.hasPrefix("copy to ") {
            renameTo = GitQuotedPath.field(line.dropFirst("copy to ".count))
        } else if line.hasPrefix("new file mode") {
            isNew = true
        } else if line.hasPrefix("deleted file mode") {
            isDeleted = true
        } else if line.hasPrefix("Binary files ") || line.hasPrefix("GIT binary patch") {
            isBinary = true
        } else if line.hasPrefix("@@") {
            inHunks = true
            append(raw)
        }
    }
}
