package import ProbotCore
import Synchronization

/// ``RunConsole`` that writes workflow commands (inside Actions) or plain lines (on a terminal).
package final class ActionsConsole: RunConsole, Sendable {
    private let write: @Sendable (String) -> Void
    private let workflowCommands: Bool
    private let redactor: SecretRedactor
    private let openGroups = Mutex(0)
    private let warningCount = Mutex(0)

    /// GitHub shows at most 10 warning annotations per step; later warnings are printed as plain lines.
    package static let warningAnnotationLimit = 10

    /// - Parameters:
    ///   - workflowCommands: emit `::group::`, `::notice::` and `::warning::` (inside Actions).
    ///   - redactor: applied to every line, so no secret is printed.
    ///   - write: receives whole lines without the newline.
    package init(workflowCommands: Bool, redactor: SecretRedactor, write: @escaping @Sendable (String) -> Void) {
        self.workflowCommands = workflowCommands
        self.redactor = redactor
        self.write = write
    }

    private func emit(_ line: String) { write(redactor.redact(line)) }

    package func beginGroup(_ title: String) {
        openGroups.withLock { $0 += 1 }
        emit(workflowCommands ? "::group::\(WorkflowCommand.escapeData(title))" : "== \(title)")
    }

    package func endGroup() {
        let wasOpen = openGroups.withLock { count in
            guard count > 0 else { return false }
            count -= 1
            return true
        }
        if wasOpen && workflowCommands { emit("::endgroup::") }
    }

    package func info(_ text: String) { emit(text) }

    package func notice(_ text: String) {
        emit(workflowCommands ? WorkflowCommand.format("notice", message: text) : "notice: \(text)")
    }

    package func warning(_ text: String) {
        warning(text, file: nil, line: nil)
    }

    /// A warning annotation on a file line; past the per-step limit it becomes a plain log line.
    package func warning(_ text: String, file: String?, line: Int?) {
        let annotated = warningCount.withLock { count in
            count += 1
            return count <= Self.warningAnnotationLimit
        }
        guard workflowCommands && annotated else {
            emit("warning: " + (file.map { "\($0)\(line.map { ":\($0)" } ?? ""): " } ?? "") + text)
            return
        }
        var properties: [(String, String)] = []
        if let file { properties.append(("file", file)) }
        if let line { properties.append(("line", String(line))) }
        emit(WorkflowCommand.format("warning", properties: properties, message: text))
    }

    /// The annotation for `diagnostic`: a notice, a warning (with its file and line), or an error.
    package func annotate(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .note: notice(diagnostic.message)
        case .warning: warning(diagnostic.message, file: diagnostic.file, line: diagnostic.line)
        case .error: error(diagnostic.message)
        }
    }

    /// An error annotation; only the executable calls this, once.
    package func error(_ text: String) {
        emit(workflowCommands ? WorkflowCommand.format("error", message: text) : "error: \(text)")
    }

    /// `::add-mask::` so the runner hides `secret` from every later log line.
    package func mask(_ secret: String) {
        if workflowCommands { write("::add-mask::\(WorkflowCommand.escapeData(secret))") }
    }
}
