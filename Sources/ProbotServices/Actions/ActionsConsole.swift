import Foundation
package import ProbotCore
import Synchronization

/// ``RunConsole`` that writes workflow commands (inside Actions) or plain lines (on a terminal).
package final class ActionsConsole: RunConsole, Sendable {
    private let write: @Sendable (String) -> Void
    private let workflowCommands: Bool
    private let redactor: SecretRedactor
    private let makeToken: @Sendable () -> String
    private let openGroups = Mutex(0)
    private let warningCount = Mutex(0)

    /// GitHub shows at most 10 warning annotations per step; later warnings are printed as plain lines.
    package static let warningAnnotationLimit = RunOutcome.warningAnnotationLimit

    /// - Parameters:
    ///   - workflowCommands: emit `::group::`, `::notice::` and `::warning::` (inside Actions).
    ///   - redactor: applied to every line, so no secret is printed.
    ///   - write: receives whole lines without the newline.
    ///   - makeToken: the `::stop-commands::` token; random in production, fixed in tests.
    package init(
        workflowCommands: Bool, redactor: SecretRedactor,
        makeToken: @escaping @Sendable () -> String = { "probot-" + UUID().uuidString.lowercased() },
        write: @escaping @Sendable (String) -> Void
    ) {
        self.workflowCommands = workflowCommands
        self.redactor = redactor
        self.makeToken = makeToken
        self.write = write
    }

    /// One of this action's own lines (a command it means to emit, or trusted text).
    private func emit(_ line: String) { write(redactor.redact(line)) }

    /// Text that may hold outside words (titles, paths, answers, error messages): inside Actions, a text whose
    /// lines could be read as workflow commands is fenced with `::stop-commands::`, so the runner prints it as is.
    private func emitText(_ text: String) {
        let redacted = redactor.redact(text)
        guard workflowCommands && WorkflowCommand.couldBeCommand(redacted) else {
            write(redacted)
            return
        }
        var token = makeToken()
        while redacted.contains(token) { token += "-" + String(UUID().uuidString.prefix(8)).lowercased() }
        write("::stop-commands::\(token)")
        write(redacted)
        write("::\(token)::")
    }

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

    package func info(_ text: String) { emitText(text) }

    package func notice(_ text: String) {
        if workflowCommands {
            emit(WorkflowCommand.format("notice", message: text))
        } else {
            emitText("notice: \(text)")
        }
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
            emitText("warning: " + (file.map { "\($0)\(line.map { ":\($0)" } ?? ""): " } ?? "") + text)
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
        if workflowCommands { emit(WorkflowCommand.format("error", message: text)) } else { emitText("error: \(text)") }
    }

    /// `::add-mask::` so the runner hides `secret` from every later log line.
    package func mask(_ secret: String) {
        if workflowCommands { write("::add-mask::\(WorkflowCommand.escapeData(secret))") }
    }
}
