/// Which lines of one file GitHub accepts review comments on, and which hunk each is in.
///
/// `RIGHT` lines are added and context lines by new number; `LEFT` lines are deleted and context lines by old
/// number. A multi-line range must have both ends in one hunk. Lines outside every hunk are not addressable.
package struct CommentableLines: Sendable, Equatable {
    private var rightHunk: [Int: Int] = [:]
    private var leftHunk: [Int: Int] = [:]
    private var rightContent: [Int: String] = [:]
    private var leftContent: [Int: String] = [:]

    /// Builds the map from a file's hunks.
    package init(hunks: [Hunk]) {
        for (index, hunk) in hunks.enumerated() {
            for line in hunk.lines {
                if let new = line.newLine {
                    rightHunk[new] = index
                    rightContent[new] = line.content
                }
                if let old = line.oldLine, line.kind != .added {
                    leftHunk[old] = index
                    leftContent[old] = line.content
                }
            }
        }
    }

    /// The index of the hunk holding `line` on `side`, or `nil` when GitHub would reject a comment there.
    package func hunkIndex(line: Int, side: DiffSide) -> Int? {
        side == .right ? rightHunk[line] : leftHunk[line]
    }

    /// Whether a comment on `line` (and optionally from `startLine`) on `side` is accepted.
    package func accepts(line: Int, startLine: Int?, side: DiffSide) -> Bool {
        guard let end = hunkIndex(line: line, side: side) else { return false }
        guard let startLine else { return true }
        guard startLine < line, let start = hunkIndex(line: startLine, side: side) else { return false }
        return start == end
    }

    /// The text of `line` on `side`, when commentable.
    package func content(line: Int, side: DiffSide) -> String? {
        side == .right ? rightContent[line] : leftContent[line]
    }

    /// Number of commentable lines on `side`.
    package func count(side: DiffSide) -> Int {
        side == .right ? rightHunk.count : leftHunk.count
    }
}
