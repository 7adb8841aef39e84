import ArgumentParser

/// Benchmarks for ChatGPT Probot; run in release mode: `swift run -c release probot-benchmarks <suite>`.
@main
struct ProbotBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probot-benchmarks",
        abstract: "Benchmarks for ChatGPT Probot (run with -c release).",
        subcommands: [
            PipelineBenchmark.self, TokenizerBenchmark.self, ContextBenchmark.self, ClaimsBenchmark.self,
            SymbolBenchmark.self,
        ]
    )
}
