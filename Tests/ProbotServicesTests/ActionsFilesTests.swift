import Foundation
import ProbotServices
import ProbotTestSupport
import Testing

struct ActionsFilesTests {
    @Test func outputsAreAppendedAsHeredocs() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("output")
        try "earlier=1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let writer = OutputFileWriter(path: path, makeDelimiter: { "EOF_X" })
        try writer.write([("findings", "3"), ("summary", "line one\nline two")])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "earlier=1\nfindings<<EOF_X\n3\nEOF_X\nsummary<<EOF_X\nline one\nline two\nEOF_X\n")
    }

    @Test func aValueContainingTheDelimiterGetsAnother() {
        let writer = OutputFileWriter(path: "/dev/null", makeDelimiter: { "EOF" })
        let formatted = writer.format(name: "x", value: "a\nEOF\nb")
        let lines = formatted.split(separator: "\n", omittingEmptySubsequences: false)
        let delimiter = String(lines[0].dropFirst("x<<".count))
        #expect(delimiter != "EOF")
        #expect(delimiter.hasPrefix("EOF_"))
        #expect(lines.dropFirst().filter { $0 == delimiter }.count == 1)
    }

    @Test func defaultDelimitersAreRandom() {
        let writer = OutputFileWriter(path: "/dev/null")
        #expect(writer.format(name: "a", value: "1") != writer.format(name: "a", value: "1"))
    }

    @Test func stepSummaryAppends() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("summary.md")
        let writer = StepSummaryWriter(path: path)
        try writer.write("# one")
        try writer.write("two\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# one\ntwo\n")
    }

    @Test func unwritablePathIsAClearError() {
        #expect(throws: ActionsFileError.self) { try StepSummaryWriter(path: "/nonexistent-dir/summary.md").write("x") }
    }

    @Test func workflowCommandEscaping() {
        #expect(WorkflowCommand.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(WorkflowCommand.escapeProperty("a:b,c") == "a%3Ab%2Cc")
        #expect(
            WorkflowCommand.format(
                "warning", properties: [("file", "src/a,b.swift"), ("line", "3")], message: "bad\nthing")
                == "::warning file=src/a%2Cb.swift,line=3::bad%0Athing")
    }

    @Test func consoleMasksAndRedactsSecrets() {
        let sink = LineSink()
        let console = ActionsConsole(workflowCommands: true, redactor: SecretRedactor(["sk-secret-123", nil, "ab"])) {
            sink.write($0)
        }
        console.mask("sk-secret-123")
        console.beginGroup("Review")
        console.info("calling with sk-secret-123 and ab")
        console.endGroup()
        console.endGroup()  // unbalanced close is ignored
        console.warning("x")
        #expect(
            sink.lines == [
                "::add-mask::sk-secret-123", "::group::Review", "calling with *** and ab", "::endgroup::",
                "::warning::x",
            ])
    }

    @Test func plainConsoleOnATerminal() {
        let sink = LineSink()
        let console = ActionsConsole(workflowCommands: false, redactor: SecretRedactor([])) { sink.write($0) }
        console.mask("secret")
        console.beginGroup("Plan")
        console.notice("n")
        console.endGroup()
        #expect(sink.lines == ["== Plan", "notice: n"])
    }
}

struct WarningCapTests {
    @Test func onlyTenWarningsBecomeAnnotations() {
        let sink = LineSink()
        let console = ActionsConsole(workflowCommands: true, redactor: SecretRedactor([])) { sink.write($0) }
        for index in 1...12 {
            console.warning("w\(index)", file: index.isMultiple(of: 2) ? "a.swift" : nil, line: index)
        }
        #expect(sink.lines.filter { $0.hasPrefix("::warning") }.count == 10)
        #expect(sink.lines[1] == "::warning file=a.swift,line=2::w2")
        #expect(sink.lines[10] == "warning: w11")
        #expect(sink.lines[11] == "warning: a.swift:12: w12")
    }

    /// Outside text that looks like workflow commands is fenced with stop-commands; annotations escape it.
    @Test func outsideTextCannotStartAWorkflowCommand() {
        let sink = LineSink()
        let console = ActionsConsole(
            workflowCommands: true, redactor: SecretRedactor([]), makeToken: { "tok" }, write: { sink.write($0) })
        let title = "Fix login\n::warning::forged\r::add-mask::a\n  ##[add-mask]b"
        console.info("\"\(title)\" at abc123: 3 changed file(s)")
        console.info("plain line")
        console.warning("path with\n::error::forged", file: "src/a\n::x::.swift", line: 3)
        console.beginGroup("Pull request\n::add-mask::c")
        console.notice("::error::forged notice")
        #expect(sink.lines[0] == "::stop-commands::tok")
        #expect(sink.lines[2] == "::tok::")
        #expect(sink.lines[3] == "plain line")
        let commands = RunnerCommandReader.commands(in: sink.lines)
        #expect(commands.map(\.name) == ["warning", "group", "notice"])
        #expect(commands.allSatisfy { !$0.rest.contains("\n") })
        #expect(commands[0].rest == " file=src/a%0A%3A%3Ax%3A%3A.swift,line=3::path with%0A::error::forged")
    }

    @Test func aStopTokenThatOccursInTheTextIsMadeLonger() {
        let sink = LineSink()
        let console = ActionsConsole(
            workflowCommands: true, redactor: SecretRedactor([]), makeToken: { "tok" }, write: { sink.write($0) })
        console.info("::tok::\n::add-mask::a")
        #expect(sink.lines[0].hasPrefix("::stop-commands::tok-"))
        #expect(RunnerCommandReader.commands(in: sink.lines).isEmpty)
    }
}
