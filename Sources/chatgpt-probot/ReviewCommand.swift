import ArgumentParser
import Foundation
import Logging
import ProbotCore
import ProbotServices

/// Reviews a local unified diff, or with `--dry-run` prints the plan and cost estimate.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a unified diff (e.g. `git diff main...HEAD`) and print the findings as Markdown.",
        discussion: """
            Needs OPENAI_API_KEY unless --dry-run is given. OPENAI_BASE_URL selects another endpoint; --provider
            openai-compatible needs no key (Ollama, vLLM, LM Studio); --provider azure reads AZURE_OPENAI_ENDPOINT and
            AZURE_OPENAI_DEPLOYMENT; --provider github-models uses GITHUB_TOKEN.
            Examples:
              git diff main...HEAD | chatgpt-probot review --diff - --dry-run
              OPENAI_API_KEY=sk-... chatgpt-probot review --diff change.diff --model gpt-4.1
            """
    )

    @Option(name: .long, help: ArgumentHelp("The diff file, or - for standard input.", valueName: "file|-"))
    var diff: String

    @Flag(name: .long, help: "Plan only: files, requests, tokens and cost; no key, no model calls.")
    var dryRun = false

    @Option(help: "Where the model is served.")
    var provider = Provider.openai

    @Option(help: "Chat model.")
    var model = InputDefaults.model

    @Option(help: "Prompt tokens per request; 0 derives it from the model (capped at 24000).")
    var maxPromptTokens = 0

    @Option(help: "Model requests in flight at once.")
    var maxConcurrency = 4

    @Option(help: "Glob patterns a file must match (comma-separated).")
    var include = ""

    @Option(help: "Glob patterns to exclude, added to the built-in list (comma-separated).")
    var exclude = ""

    @Option(help: "Lowest severity reported.")
    var minSeverity = Severity.minor

    @Option(help: "Language of the review text.")
    var language = "English"

    @Option(help: "Extra review instructions.")
    var instructions = ""

    @Option(
        help: ArgumentHelp(
            "A checkout at the diff's new side: its .gitattributes, AGENTS.md/CLAUDE.md and the files' text (generated headers, surrounding code) are used.",
            valueName: "dir"))
    var repository: String?

    @Flag(help: "Review generated and vendored files too (.gitattributes and generated headers are ignored).")
    var reviewGenerated = false

    @Flag(help: "Do not pass the repository's AGENTS.md, .github/copilot-instructions.md and CLAUDE.md to the model.")
    var noAgentInstructions = false

    func run() async throws {
        let environment = ActionEnvironment(ProcessInfo.processInfo.environment)
        let key = environment["OPENAI_API_KEY"]
        // Every credential the CLI may send (GitHub Models takes GITHUB_TOKEN), never printed whole or in part.
        let redactor = SecretRedactor(
            ["OPENAI_API_KEY", "GITHUB_TOKEN", "GH_TOKEN", "AZURE_OPENAI_API_KEY"].map { environment[$0] })
        let console = ActionsConsole(workflowCommands: false, redactor: redactor) { line in
            Self.write(line, to: .standardError)
        }
        guard (1...64).contains(maxConcurrency) else { throw ValidationError("--max-concurrency must be 1 to 64") }
        guard maxPromptTokens == 0 || maxPromptTokens >= ReviewBudget.minimumPromptTokens else {
            throw ValidationError("--max-prompt-tokens must be 0 or at least \(ReviewBudget.minimumPromptTokens)")
        }
        let chosen = provider
        var inputs = ProbotInputs(
            githubToken: environment["GITHUB_TOKEN"], provider: chosen,
            openAIAPIKey: chosen == .githubModels ? nil : key,
            openAIBaseURL: environment["OPENAI_BASE_URL"].flatMap(URL.init(string:)), model: model,
            maxPromptTokens: maxPromptTokens, maxConcurrency: maxConcurrency, include: Self.list(include),
            exclude: Self.list(exclude), maxComments: .max, minSeverity: minSeverity, language: language,
            instructions: instructions, dryRun: dryRun)
        inputs.azureEndpoint = environment["AZURE_OPENAI_ENDPOINT"].flatMap(URL.init(string:))
        inputs.reviewGenerated = reviewGenerated
        inputs.agentInstructions = !noAgentInstructions
        inputs.azureDeployment = environment["AZURE_OPENAI_DEPLOYMENT"]
        if chosen == .openAICompatible && inputs.openAIBaseURL == nil && !dryRun {
            throw ValidationError("--provider openai-compatible needs OPENAI_BASE_URL, e.g. http://localhost:11434/v1")
        }
        let text: String
        do {
            text = try readDiff()
        } catch {
            throw ValidationError("cannot read \(diff): \(error.localizedDescription)")
        }
        var logger = Logger(label: "chatgpt-probot") { _ in ConsoleLogHandler(console: console) }
        logger.logLevel = environment["CHATGPT_PROBOT_DEBUG"] == "1" ? .debug : .warning
        let factory = ServiceFactory(
            transport: URLSessionTransport(), console: console, logger: logger, clock: ContinuousClock())
        var runner = LocalReviewRunner(inputs: inputs, factory: factory)
        runner.repository = repository.map { URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            let (_, markdown) = try await runner.run(diff: text)
            Self.write(redactor.redact(markdown), to: .standardOutput)
        } catch {
            console.error(String(describing: error))
            throw ExitCode.failure
        }
    }

    private func readDiff() throws -> String {
        let data =
            diff == "-"
            ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: diff))
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes a line to the terminal: the one place this command prints, so model text, file names and error
    /// messages all lose their control characters and escape sequences on the way.
    private static func write(_ line: String, to handle: FileHandle) {
        handle.write(Data((TerminalText.sanitize(line) + "\n").utf8))
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
