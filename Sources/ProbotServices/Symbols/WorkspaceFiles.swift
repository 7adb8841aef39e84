package import Foundation
import ProbotCore

/// The files of a workspace the symbol index reads: regular files (never a symbolic link, so nothing outside the
/// workspace), outside tool and dependency folders, within a count and size bound.
package struct WorkspaceFiles: Sendable {
    package var root: URL
    /// Most files listed.
    package var maxFiles = 20_000
    /// Files larger than this are left out.
    package var maxFileBytes = 1_000_000

    /// Folders never listed, at any depth.
    package static let excludedFolders: Set<String> = [
        ".git", ".build", ".swiftpm", "node_modules", "Pods", "Carthage", "DerivedData", "vendor", "third_party",
        ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", "target", "dist", "build", ".next", ".gradle",
    ]

    /// Memberwise initialiser.
    package init(root: URL) {
        self.root = root
    }

    /// The files' paths relative to `root`, sorted, and whether the count limit cut the list.
    package func list() -> (paths: [String], truncated: Bool) {
        let base = root.resolvingSymlinksInPath().standardizedFileURL
        let keys: [URLResourceKey] = [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else {
            return ([], false)
        }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        var paths: [String] = []
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
            if values.isSymbolicLink == true {
                walker.skipDescendants()
                continue
            }
            if values.isDirectory == true {
                if Self.excludedFolders.contains(url.lastPathComponent) { walker.skipDescendants() }
                continue
            }
            guard values.isRegularFile == true, (values.fileSize ?? 0) <= maxFileBytes,
                url.path.hasPrefix(prefix)
            else { continue }
            let relative = String(url.path.dropFirst(prefix.count))
            // The list goes to ctags one name a line: a name it cannot carry is not indexed.
            guard CtagsOutputParser.isSafePath(relative), !relative.hasPrefix("-") else { continue }
            if paths.count == maxFiles { return (paths.sorted(), true) }
            paths.append(relative)
        }
        return (paths.sorted(), false)
    }
}
