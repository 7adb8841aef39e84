import Foundation

/// Why an Actions file command could not be written.
package enum ActionsFileError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)

    package var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// Appends step outputs to `GITHUB_OUTPUT` as heredocs with a random delimiter.
package struct OutputFileWriter: Sendable {
    package var path: String
    /// Makes delimiters; injected so tests can force a collision.
    package var makeDelimiter: @Sendable () -> String

    /// Writes to `path`.
    package init(
        path: String, makeDelimiter: @escaping @Sendable () -> String = { "ghadelimiter_\(UUID().uuidString)" }
    ) {
        self.path = path
        self.makeDelimiter = makeDelimiter
    }

    /// `name<<DELIM\nvalue\nDELIM\n`, with a delimiter that does not occur in `value`.
    package func format(name: String, value: String) -> String {
        var delimiter = makeDelimiter()
        while value.contains(delimiter) { delimiter += "_" + UUID().uuidString.prefix(8) }
        return "\(name)<<\(delimiter)\n\(value)\n\(delimiter)\n"
    }

    /// Appends every output (never truncates what other steps wrote).
    package func write(_ outputs: [(name: String, value: String)]) throws {
        try FileAppender.append(outputs.map { format(name: $0.name, value: $0.value) }.joined(), to: path)
    }
}

/// Appends Markdown to `GITHUB_STEP_SUMMARY`.
package struct StepSummaryWriter: Sendable {
    package var path: String

    /// Writes to `path`.
    package init(path: String) {
        self.path = path
    }

    /// Appends `markdown` and a newline.
    package func write(_ markdown: String) throws {
        try FileAppender.append(markdown.hasSuffix("\n") ? markdown : markdown + "\n", to: path)
    }
}

enum FileAppender {
    static func append(_ text: String, to path: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil) else {
                throw ActionsFileError.cannotOpen(path: path, reason: "cannot create the file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ActionsFileError.cannotOpen(path: path, reason: "cannot open for writing")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ActionsFileError.cannotOpen(path: path, reason: error.localizedDescription)
        }
    }
}
