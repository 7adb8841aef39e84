/// Why a file named by an input or the repository's configuration is not read: it must be a relative path that
/// stays inside the repository (the workspace, or the tree at a commit).
package enum WorkspacePathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path is empty (or only `/` and `.`).
    case empty
    /// `/etc/passwd`: not relative to the repository.
    case absolute(String)
    /// `../x`, `a/../../x`: a `..` component, which could leave the repository.
    case parentComponent(String)
    /// The path, or a folder on it, is a symbolic link whose target is outside the workspace.
    case linkLeavesWorkspace(String)

    package var description: String {
        switch self {
        case .empty: "is empty; name a file relative to the repository root"
        case .absolute(let path): "\"\(path)\" is an absolute path; name a file relative to the repository root"
        case .parentComponent(let path): "\"\(path)\" has a `..` component; name a file inside the repository"
        case .linkLeavesWorkspace(let path):
            "\"\(path)\" is a symbolic link (or lies below one) that leads outside the workspace"
        }
    }
}

/// The rules every path named by an input or the configuration follows before anything is read.
package enum WorkspacePath {
    /// Checks `path` by its text alone: relative, non-empty, no `..` component. Symbolic links are checked where
    /// the file is read from disk.
    /// - Throws: ``WorkspacePathError`` naming the rule broken.
    package static func validate(_ path: String) throws(WorkspacePathError) {
        if path.hasPrefix("/") || path.hasPrefix("\\") { throw .absolute(path) }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains("..") { throw .parentComponent(path) }
        if components.allSatisfy({ $0 == "." }) { throw .empty }
    }
}
