import ArgumentParser
import Foundation
import ProbotCore
import ProbotServices
import Tokenizer

/// Measures the symbol index and the related declarations on real diffs with a checkout: each `--source` is a
/// git repository and a `from..to` range; every `to` tree is extracted (`git archive`) under `--scratch`, one
/// folder per source, so several sources make one large pull request over one workspace.
///
/// Figures, each with PASS/FAIL against the issue's bar: the index's build time and ctags' peak memory; of the
/// changed lines whose identifiers resolve to a single declaration in another file, the share whose request holds
/// that declaration; of the hunks whose enclosing scope (by a Swift brace matcher) opens above them, the share
/// whose opening line reaches the model; prompt characters per patch character with related declarations on and
/// off.
struct SymbolBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbols",
        abstract: "Symbol index cost and related-declaration coverage on real diffs with a checkout.")

    @Option(help: "name=repository@from..to (repeatable); a bare repository works.")
    var source: [String]

    @Option(help: "An empty scratch folder for the extracted trees (removed afterwards).")
    var scratch = "/tmp/probot-symbols"

    @Option(help: "context-lines.")
    var contextLines = InputDefaults.contextLines

    @Option(help: "Prompt tokens per request (0: the default model's budget).")
    var maxPromptTokens = 0

    struct Source {
        var name: String
        var repository: String
        var from: String
        var to: String
    }

    func run() async throws {
        let sources = try source.map(Self.parse)
        let root = URL(fileURLWithPath: scratch)
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        var changed: [ChangedFile] = []
        for source in sources {
            let folder = root.appendingPathComponent(source.name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try extract(source, into: folder)
            let diff = try git(
                source.repository, ["diff", "-U3", "--no-renames", source.from, source.to, "--", "*.swift"])
            changed += UnifiedDiffParser.parse(String(decoding: diff, as: UTF8.self)).map { file in
                var file = file
                file.filename = "\(source.name)/\(file.filename)"
                return file
            }
        }
        guard let ctags = ChildProcess.find("ctags", searchPath: ProcessInfo.processInfo.environment["PATH"]) else {
            throw ValidationError("no ctags on the PATH")
        }
        let built = await CtagsIndexer(root: root, executable: ctags).build()
        print(
            String(
                format: "index: %d declarations in %d files, %.2f s, ctags peak RSS %.1f MB%@",
                built.status.declarations, built.status.files, built.status.seconds,
                Double(built.peakChildKilobytes) / 1024, built.status.notes.isEmpty ? "" : " \(built.status.notes)"))
        try await measure(changed, root: root, index: built.index)
    }

    static func parse(_ text: String) throws -> Source {
        let named = text.split(separator: "=", maxSplits: 1).map(String.init)
        let located = named.last?.split(separator: "@", maxSplits: 1).map(String.init) ?? []
        let range = located.last?.components(separatedBy: "..") ?? []
        guard named.count == 2, located.count == 2, range.count == 2 else {
            throw ValidationError("--source takes name=repository@from..to")
        }
        return Source(name: named[0], repository: located[0], from: range[0], to: range[1])
    }

    private func git(_ repository: String, _ arguments: [String]) throws -> Data {
        try Git.output(repository, arguments)
    }

    private func extract(_ source: Source, into folder: URL) throws {
        let archive = folder.appendingPathExtension("tar")
        _ = try git(source.repository, ["archive", "--format=tar", "-o", archive.path, source.to])
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        tar.arguments = ["-xf", archive.path, "-C", folder.path]
        try tar.run()
        tar.waitUntilExit()
        try FileManager.default.removeItem(at: archive)
    }
}
