/// Decides for each finding whether it can be an inline comment that GitHub will accept.
///
/// A finding stays inline only if its path is a file of the diff and its line (and `start_line`, in the same hunk
/// and strictly before `line`) is commentable on its side; otherwise it is listed in the review body under its
/// file. Exact duplicates are dropped (the same text on different lines is two findings). Findings below
/// `minSeverity` are set aside and counted. Only the `maxComments` most severe stay inline.
package struct FindingPlacer: Sendable {
    private let lines: [String: CommentableLines]
    package var minSeverity: Severity
    package var maxComments: Int

    /// Prepares the commentable-line maps of `files`.
    package init(files: [FileDiff], minSeverity: Severity, maxComments: Int) {
        var byPath: [String: CommentableLines] = [:]
        for file in files { byPath[file.path] = CommentableLines(hunks: file.hunks) }
        self.lines = byPath
        self.minSeverity = minSeverity
        self.maxComments = maxComments
    }

    /// Places `findings` (in the order the model gave them).
    package func place(_ findings: [Finding]) -> PlacementResult {
        var result = PlacementResult()
        var seen = Set<Finding>()
        var candidates: [(offset: Int, comment: InlineComment)] = []
        for finding in findings {
            guard seen.insert(finding).inserted else {
                result.duplicates += 1
                continue
            }
            guard finding.severity >= minSeverity else {
                result.belowMinSeverity.append(finding)
                continue
            }
            guard let map = lines[finding.path] else {
                result.body.append(BodyFinding(finding: finding, reason: .fileNotInDiff))
                continue
            }
            var startLine = finding.startLine
            if startLine == finding.line { startLine = nil }  // GitHub rejects start_line == line
            guard map.accepts(line: finding.line, startLine: startLine, side: finding.side) else {
                result.body.append(BodyFinding(finding: finding, reason: .lineNotInDiff))
                continue
            }
            let original = ((startLine ?? finding.line)...finding.line).compactMap {
                map.content(line: $0, side: finding.side)
            }
            let body = CommentRenderer.inlineBody(
                finding, suggestionApplies: finding.side == .right, originalLines: original)
            candidates.append(
                (
                    candidates.count,
                    InlineComment(
                        finding: finding, path: finding.path, line: finding.line, side: finding.side,
                        startLine: startLine, body: body)
                ))
        }
        let ranked = candidates.sorted {
            $0.comment.finding.severity != $1.comment.finding.severity
                ? $0.comment.finding.severity > $1.comment.finding.severity : $0.offset < $1.offset
        }
        let keep = Set(ranked.prefix(maxComments).map(\.offset))
        for (offset, comment) in candidates {
            if keep.contains(offset) {
                result.inline.append(comment)
            } else {
                result.body.append(BodyFinding(finding: comment.finding, reason: .overCommentLimit))
            }
        }
        return result
    }
}
