package import Foundation
package import ProbotCore

/// Reads files named by inputs or the configuration from the workspace, never outside it: the path must pass
/// ``WorkspacePath/validate(_:)``, and once symbolic links are resolved it must still lie below the workspace
/// (compared by path components, so `/work/repo-evil` is not inside `/work/repo`).
package struct ConfinedWorkspace: Sendable {
    /// The workspace, as given.
    package var root: URL

    /// Confines reads to `root`.
    package init(root: URL) {
        self.root = root
    }

    /// The file `path` names, with every symbolic link on the way resolved.
    /// - Throws: ``WorkspacePathError`` when the path is absolute, has a `..` component, or resolves outside.
    package func resolve(_ path: String) throws(WorkspacePathError) -> URL {
        try WorkspacePath.validate(path)
        let base = root.resolvingSymlinksInPath().standardizedFileURL
        let resolved = base.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL
        guard resolved.pathComponents.starts(with: base.pathComponents) else { throw .linkLeavesWorkspace(path) }
        return resolved
    }

    /// The bytes of `path`, or `nil` when there is no readable file there.
    /// - Throws: ``WorkspacePathError`` as ``resolve(_:)`` does.
    package func contents(_ path: String) throws(WorkspacePathError) -> Data? {
        FileManager.default.contents(atPath: try resolve(path).path)
    }
}
