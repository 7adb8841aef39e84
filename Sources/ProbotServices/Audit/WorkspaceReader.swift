package import Foundation
package import ProbotCore

/// Reads the checked-out repository at `GITHUB_WORKSPACE` for an audit: `git ls-files` in a git checkout (so
/// `.gitignore` is respected), otherwise a walk of the tree without `.git`. No file is fetched through the API.
package struct WorkspaceReader: WorkspaceSource {
    package var root: URL
    /// Larger files are left out with a reason.
    package var maxBytes: Int

    /// Why a workspace cannot be audited.
    package enum ReadError: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case empty(String)
        case gitFailed(String)

        package var description: String {
            switch self {
            case .missing(let path):
                "the workspace \(path) does not exist; add `- uses: actions/checkout@v4` before this step"
            case .empty(let path):
                "the workspace \(path) is empty; add `- uses: actions/checkout@v4` before this step so there is code to audit"
            case .gitFailed(let message): "`git ls-files` failed: \(message)"
            }
        }
    }

    /// Reads below `root`.
    package init(root: URL, maxBytes: Int) {
        self.root = root
        self.maxBytes = maxBytes
    }

    package func listFiles() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadError.missing(root.path)
        }
        let paths: [String]
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) {
            paths = try gitFiles()
        } else {
            paths = walk()
        }
        guard !paths.isEmpty else { throw ReadError.empty(root.path) }
        return paths
    }

    package func read(_ path: String) -> Result<AuditFile, SkippedFile> {
        let url: URL
        do throws(WorkspacePathError) {
            // Resolved only to check it stays inside; the unresolved path is read, so a link is still refused below.
            _ = try ConfinedWorkspace(root: root).resolve(path)
            url = root.appendingPathComponent(path)
        } catch {
            return .failure(SkippedFile(path: path, reason: .unreadable("not read: \(error)")))
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            (attributes[.type] as? FileAttributeType) == .typeRegular
        else {
            return .failure(
                SkippedFile(path: path, reason: .unreadable("not a regular file (a link, submodule or deleted file)")))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            return .failure(SkippedFile(path: path, reason: .tooLarge(bytes: size, limit: maxBytes)))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(SkippedFile(path: path, reason: .unreadable("permission denied")))
        }
        if data.prefix(8_000).contains(0) { return .failure(SkippedFile(path: path, reason: .binary)) }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(SkippedFile(path: path, reason: .binary))
        }
        return .success(AuditFile(path: path, text: text))
    }

    private func gitFiles() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "safe.directory=*", "-C", root.path, "ls-files", "-z"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ReadError.gitFailed(error.localizedDescription)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReadError.gitFailed(
                String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    private func walk() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return []
        }
        var paths: [String] = []
        let base = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            if url.lastPathComponent == ".git" {
                enumerator.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base) else { continue }
            paths.append(String(full.dropFirst(base.count)).trimmingPrefix("/").description)
        }
        return paths
    }
}
