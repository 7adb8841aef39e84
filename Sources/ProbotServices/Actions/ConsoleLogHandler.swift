package import Logging
import ProbotCore

/// A swift-log handler that writes the debug log through ``ActionsConsole``: every line is redacted and, inside
/// Actions, fenced like any other outside text, so a path or a server's message in a debug line can neither
/// start a workflow command nor show a secret.
package struct ConsoleLogHandler: LogHandler {
    private let console: ActionsConsole
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .warning

    /// Writes through `console`.
    package init(console: ActionsConsole) { self.console = console }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        console.info("[\(event.level)] \(event.message)" + (details.isEmpty ? "" : " " + details))
    }
}
