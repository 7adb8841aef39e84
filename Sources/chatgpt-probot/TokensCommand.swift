import ArgumentParser
import Foundation
import ProbotCore
import Tokenizer

/// Counts tokens of files or standard input with the exact tiktoken-compatible encodings.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Count the tokens of files (or standard input) exactly as OpenAI's tokenizer does.",
        discussion: """
            Examples:
              chatgpt-probot tokens Sources/App/main.swift README.md
              git diff main...HEAD | chatgpt-probot tokens --model gpt-4o
              echo -n "hello world" | chatgpt-probot tokens --encoding cl100k_base --ids
            """
    )

    @Option(help: ArgumentHelp("Encoding: o200k_base or cl100k_base.", valueName: "name"))
    var encoding: String?

    @Option(help: "Pick the encoding the model uses (default gpt-4.1-mini, o200k_base).")
    var model: String?

    @Flag(help: "Also print the token ids.")
    var ids = false

    @Argument(help: "Files to count; standard input when none.")
    var files: [String] = []

    func validate() throws {
        if encoding != nil && model != nil { throw ValidationError("give --encoding or --model, not both") }
        if let encoding, EncodingName(rawValue: encoding) == nil {
            throw ValidationError("unknown encoding \(encoding); use o200k_base or cl100k_base")
        }
    }

    func run() throws {
        let name: EncodingName
        if let encoding, let chosen = EncodingName(rawValue: encoding) {
            name = chosen
        } else {
            let model = self.model ?? InputDefaults.model
            if let known = EncodingName.forModel(model) {
                name = known
            } else {
                FileHandle.standardError.write(
                    Data("warning: model \(model) has no known tokenizer; using o200k_base\n".utf8))
                name = .o200kBase
            }
        }
        let tokenizer: BPEEncoding
        do {
            tokenizer = try EncodingLoader.load(
                name, directory: ProcessInfo.processInfo.environment["CHATGPT_PROBOT_VOCAB_DIR"])
        } catch {
            throw Self.fail(error.description)
        }
        var total = 0
        let inputs = files.isEmpty ? ["-"] : files
        for file in inputs {
            let label = file == "-" ? "(stdin)" : file
            do {
                let handle =
                    file == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
                if ids {
                    let tokens = tokenizer.encode(String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self))
                    total += tokens.count
                    print("\(tokens.count)\t\(label)")
                    print(tokens.map(String.init).joined(separator: " "))
                } else {
                    let count = try StreamingCount.count(handle, with: tokenizer)
                    total += count
                    print("\(count)\t\(label)")
                }
            } catch {
                throw Self.fail("cannot read \(file): \(error.localizedDescription)")
            }
        }
        if inputs.count > 1 { print("\(total)\ttotal (\(name.rawValue))") }
    }

    /// Prints a runtime error (no usage text: the arguments were fine); the caller throws the exit code.
    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode.failure
    }
}
