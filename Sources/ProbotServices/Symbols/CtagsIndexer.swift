package import Foundation
package import ProbotCore

/// Builds a ``SymbolIndex`` of a workspace with Universal Ctags: the file list (``WorkspaceFiles``) goes to
/// `ctags -L`, its JSON output to a temporary file, both removed afterwards. ctags only reads the files; nothing
/// checked out is ever executed.
package struct CtagsIndexer: Sendable {
    package var root: URL
    package var executable: URL
    /// ctags is stopped past this.
    package var timeout: Duration = .seconds(90)
    /// Most files indexed.
    package var maxFiles = 20_000

    /// Memberwise initialiser.
    package init(root: URL, executable: URL) {
        self.root = root
        self.executable = executable
    }

    /// What a build gave.
    package struct Built: Sendable {
        package var index: SymbolIndex
        package var status: SymbolIndexStatus
        /// The largest resident set of a child process so far, ctags included, in kilobytes.
        package var peakChildKilobytes: Int
    }

    /// Builds the index; a failure or the time limit leaves an empty index with a note, never an error.
    package func build() async -> Built {
        var files = WorkspaceFiles(root: root)
        files.maxFiles = maxFiles
        let (paths, truncated) = files.list()
        var status = SymbolIndexStatus()
        if truncated { status.notes.append(.fileLimit(indexed: paths.count, limit: maxFiles)) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("probot-ctags-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let list = scratch.appendingPathComponent("files")
        let output = scratch.appendingPathComponent("tags.json")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: list)
            let finished = try await ChildProcess.run(
                executable, Self.arguments(list: list.path), in: root.resolvingSymlinksInPath(), output: output,
                timeout: timeout)
            status.seconds = finished.seconds
            guard let exit = finished.status else {
                status.notes.append(.timedOut(seconds: Int(timeout.components.seconds)))
                return Built(index: SymbolIndex(), status: status, peakChildKilobytes: finished.peakChildKilobytes)
            }
            guard exit == 0, let data = FileManager.default.contents(atPath: output.path) else {
                status.notes.append(.failed(status: exit))
                return Built(index: SymbolIndex(), status: status, peakChildKilobytes: finished.peakChildKilobytes)
            }
            let parsed = CtagsOutputParser.parse(data)
            status.declarations = parsed.index.count
            status.files = parsed.index.fileCount
            status.rejected = parsed.rejected
            return Built(index: parsed.index, status: status, peakChildKilobytes: finished.peakChildKilobytes)
        } catch {
            status.notes.append(.failed(status: -1))
            return Built(index: SymbolIndex(), status: status, peakChildKilobytes: 0)
        }
    }

    /// ctags' arguments: no options files (`--options=NONE` must come first: a checked-in `.ctags.d/` could
    /// otherwise add options, `-f` to write anywhere among them), JSON with line numbers, kinds and signatures, no
    /// symbolic links followed, the file list from `list`, and a regex parser for Swift (Universal Ctags has none
    /// built in).
    package static func arguments(list: String) -> [String] {
        [
            "--options=NONE", "--output-format=json", "--fields=+nKS", "--links=no", "--sort=no", "--extras=-p", "-f",
            "-", "-L", list,
        ]
            + swiftDefinition
    }

    /// A Swift parser by regular expressions: functions, types, type aliases, enum cases, and properties at the
    /// top level or one level in.
    package static let swiftDefinition: [String] = {
        let modifiers = "^[[:space:]]*([A-Za-z@()]+[[:space:]]+)*"
        let name = "([A-Za-z_][A-Za-z0-9_]*)"
        var options = ["--langdef=Swift", "--map-Swift=+.swift"]
        let kinds: [(keyword: String, letter: String, kind: String)] = [
            ("func", "f", "function"), ("struct", "s", "struct"), ("class", "c", "class"), ("enum", "e", "enum"),
            ("protocol", "p", "protocol"), ("actor", "a", "actor"), ("typealias", "t", "typealias"),
        ]
        for kind in kinds {
            options.append(
                "--regex-Swift=/\(modifiers)\(kind.keyword)[[:space:]]+\(name)/\\2/\(kind.letter),\(kind.kind)/")
        }
        options.append(
            "--regex-Swift=/^( {0,4}|\t?)([A-Za-z@()]+[[:space:]]+)*(var|let)[[:space:]]+\(name)/\\4/v,variable/")
        options.append("--regex-Swift=/^[[:space:]]*case[[:space:]]+\(name)[[:space:]]*(\\(|,|=|$)/\\1/m,case/")
        return options
    }()
}
