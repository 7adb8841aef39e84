import ProbotCore
import Synchronization

/// A ``RunConsole`` that keeps every line, prefixed by its kind (`group:`, `info:`, `notice:`, `warning:`).
package final class RecordingConsole: RunConsole, Sendable {
    private let storage = Mutex<[String]>([])

    /// Creates an empty console.
    package init() {}

    /// Lines so far.
    package var lines: [String] { storage.withLock { $0 } }

    private func add(_ line: String) { storage.withLock { $0.append(line) } }
    package func beginGroup(_ title: String) { add("group: \(title)") }
    package func endGroup() { add("endgroup") }
    package func info(_ text: String) { add("info: \(text)") }
    package func notice(_ text: String) { add("notice: \(text)") }
    package func warning(_ text: String) { add("warning: \(text)") }
}

/// Collects the raw lines an `ActionsConsole` writes.
package final class LineSink: Sendable {
    private let storage = Mutex<[String]>([])

    /// Creates an empty sink.
    package init() {}

    /// Lines so far.
    package var lines: [String] { storage.withLock { $0 } }

    /// Appends a line; pass as the console's `write` closure.
    package func write(_ line: String) { storage.withLock { $0.append(line) } }
}
