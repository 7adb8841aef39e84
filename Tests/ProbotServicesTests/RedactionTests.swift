import Foundation
import Logging
import ProbotServices
import ProbotTestSupport
import Synchronization
import Testing

/// Secrets never leave the process, whole or in part; debug lines never start a workflow command.
struct RedactionTests {
    static let key = "sk-proj-Abcdefghijklmnopqrstuvwxyz0123456789"

    @Test(arguments: [
        "key \(key) echoed", "cut at \(key.prefix(12))", "cut at \(key.prefix(8))…", "tail \(key.suffix(20))",
        "Bearer \(key)\n", "\(key)\(key)",
    ])
    func everyPieceOfEightOrMoreIsHidden(_ text: String) {
        let redacted = SecretRedactor([Self.key]).redact(text)
        for length in 8...Self.key.count {
            for start in 0...(Self.key.count - length) {
                let piece = Self.key.dropFirst(start).prefix(length)
                #expect(!redacted.contains(piece), "\(piece) left in \(redacted)")
            }
        }
        #expect(redacted.contains("***"))
    }

    @Test func shortSecretsAndOrdinaryTextAreLeftAlone() {
        let redactor = SecretRedactor(["abcd", nil, "xy"])
        #expect(redactor.redact("abcde xy") == "***e xy")
        #expect(SecretRedactor([Self.key]).redact("nothing secret here") == "nothing secret here")
    }

    @Test func debugLinesAreFencedAndRedacted() {
        let lines = Mutex<[String]>([])
        let console = ActionsConsole(workflowCommands: true, redactor: SecretRedactor([Self.key])) { line in
            lines.withLock { $0.append(line) }
        }
        var logger = Logger(label: "test") { _ in ConsoleLogHandler(console: console) }
        logger.logLevel = .debug
        logger.debug("GitHub GET /repos/o/r/contents/x\n::warning::forged \(Self.key)", metadata: ["k": "v"])
        let written = lines.withLock { $0 }
        let commands = RunnerCommandReader.commands(in: written)
        #expect(!commands.contains { $0.name == "warning" }, "\(written)")
        #expect(!written.joined().contains(Self.key.prefix(8)))
        #expect(written.joined(separator: "\n").contains("forged"))
    }
}
