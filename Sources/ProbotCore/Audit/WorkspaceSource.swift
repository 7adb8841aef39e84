/// The checked-out repository, as the audit reads it.
package protocol WorkspaceSource: Sendable {
    /// Every file path, relative and `/`-separated (tracked files when it is a git checkout).
    func listFiles() throws -> [String]
    /// The file's text, or why it cannot be audited (binary, too large, unreadable).
    func read(_ path: String) -> Result<AuditFile, SkippedFile>
}
