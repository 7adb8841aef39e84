package import Foundation
package import ProbotCore

/// Reads changed files from the checked-out workspace when it holds the head commit (`actions/checkout` with
/// `ref: ${{ github.event.pull_request.head.sha }}`): no API call. Otherwise hands the read to `fallback`.
package struct WorkspaceContentSource: FileContentSource {
    package var root: URL
    package var fallback: (any FileContentSource)?

    /// Files over this many bytes get no context.
    package static let byteLimit = 1_000_000

    /// Memberwise initialiser.
    package init(root: URL, fallback: (any FileContentSource)?) {
        self.root = root
        self.fallback = fallback
    }

    package func texts(of files: [ChangedFile], at commit: String) async -> ContentRead {
        guard GitCheckout.head(of: root) == commit else {
            return await fallback?.texts(of: files, at: commit) ?? ContentRead()
        }
        var read = ContentRead()
        let workspace = ConfinedWorkspace(root: root)
        for file in files {
            // The names come from the pull request: a link to a file outside the workspace is not followed.
            let data: Data?
            do throws(WorkspacePathError) {
                data = try workspace.contents(file.filename)
            } catch {
                read.texts[file.filename] = .unavailable("not read: \(error)")
                continue
            }
            guard let data else {
                read.texts[file.filename] = .unavailable("missing in the workspace")
                continue
            }
            read.texts[file.filename] = Self.text(data)
        }
        return read
    }

    /// The text of a file's bytes, or why it gets no context.
    package static func text(_ data: Data) -> FileText {
        if data.count > byteLimit { return .unavailable("larger than 1 MB") }
        if data.contains(0) { return .unavailable("binary") }
        return .text(String(decoding: data, as: UTF8.self))
    }
}

/// Reads which commit a git checkout has, from its files (no `git` process).
package enum GitCheckout {
    /// The commit `root`'s checkout is at, or `nil` when it is not a git checkout or the ref cannot be resolved.
    package static func head(of root: URL) -> String? {
        var gitDirectory = root.appendingPathComponent(".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitDirectory.path, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue {
            // A worktree or submodule: `.git` is a file `gitdir: <path>`.
            guard let pointer = read(gitDirectory), pointer.hasPrefix("gitdir: ") else { return nil }
            let path = String(pointer.dropFirst("gitdir: ".count))
            gitDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        guard let head = read(gitDirectory.appendingPathComponent("HEAD")) else { return nil }
        guard head.hasPrefix("ref: ") else { return head }
        let ref = String(head.dropFirst("ref: ".count))
        if let loose = read(gitDirectory.appendingPathComponent(ref)) { return loose }
        let packed = read(gitDirectory.appendingPathComponent("packed-refs")) ?? ""
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
            return String(line.prefix { $0 != " " })
        }
        return nil
    }

    private static func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingWhitespace()
    }
}
