import Foundation

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
