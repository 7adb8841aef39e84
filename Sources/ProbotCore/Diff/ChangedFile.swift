/// One entry of `GET /repos/{o}/{r}/pulls/{n}/files` (GitHub's `diff-entry`), also produced from a local diff.
package struct ChangedFile: Codable, Sendable, Equatable {
    package var filename: String
    /// The blob SHA of the file at the head commit (for reading its text).
    package var sha: String?
    /// `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`.
    package var status: String
    package var additions: Int
    package var deletions: Int
    /// Unified-diff hunks; absent for binary files and very large diffs.
    package var patch: String?
    /// The old path of a renamed or copied file.
    package var previousFilename: String?

    enum CodingKeys: String, CodingKey {
        case filename, status, additions, deletions, patch, sha
        case previousFilename = "previous_filename"
    }

    /// Memberwise initialiser.
    package init(
        filename: String, status: String, additions: Int = 0, deletions: Int = 0, patch: String?,
        previousFilename: String? = nil
    ) {
        self.filename = filename
        self.status = status
        self.additions = additions
        self.deletions = deletions
        self.patch = patch
        self.previousFilename = previousFilename
    }
}
