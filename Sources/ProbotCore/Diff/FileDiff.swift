/// The parsed changes of one file.
package struct FileDiff: Sendable, Equatable, Codable {
    /// Path in the new tree (the old path for a deletion).
    package var path: String
    /// The old path, when the file was renamed or copied.
    package var previousPath: String?
    /// GitHub's `status`: `added`, `modified`, `removed`, `renamed`, …
    package var status: String
    /// The hunks in order.
    package var hunks: [Hunk]
    /// Surrounding code shown with each hunk, by the hunk's `newStart` (empty without context).
    package var context: [Int: ContextWindow] = [:]
    /// Declarations and call sites from elsewhere in the repository that its added lines use (``RelatedSnippet``).
    package var related: [RelatedSnippet] = []

    /// Memberwise initialiser.
    package init(path: String, previousPath: String? = nil, status: String = "modified", hunks: [Hunk]) {
        self.path = path
        self.previousPath = previousPath
        self.status = status
        self.hunks = hunks
    }

    /// Lines added and deleted across all hunks.
    package var changedLineCount: Int { hunks.reduce(0) { $0 + $1.changedLineCount } }
}
