import ArgumentParser
import Foundation
import Tokenizer

/// Tokenizer load time and throughput against the reference tiktoken, on the parity corpus, in one run.
struct TokenizerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenizer",
        abstract: "Vocabulary load time and single-thread encode throughput, compared with tiktoken."
    )

    @Option(help: "The corpus (a JSON array of strings).")
    var corpus = "Tests/TokenizerTests/Fixtures/parity/corpus.json"

    @Option(help: "Timed runs per encoding; the median is reported.")
    var runs = 5

    @Flag(help: "Skip the tiktoken comparison.")
    var skipTiktoken = false

    func run() throws {
        let documents = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: corpus)))
        let bytes = documents.reduce(0) { $0 + $1.utf8.count }
        let reference = skipTiktoken ? [:] : try tiktokenResults()
        print(
            "Corpus: \(documents.count) documents, \(String(format: "%.2f", Double(bytes) / 1_000_000)) MB; median of \(runs) runs, one thread"
        )
        print("")
        print(
            "| encoding | vocab load | ours MB/s (ids) | ours MB/s (count only) | tiktoken MB/s | ratio (ids) | tokens equal |"
        )
        print("|---|---:|---:|---:|---:|---:|---|")
        for name in EncodingName.allCases {
            let path = try vocabularyPath(name)
            // Load: read the file and build the tables, as a cold start does (median of runs).
            var loads: [Double] = []
            var encoding: BPEEncoding?
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                encoding = try BPEEncoding(name: name, rankFile: [UInt8](data))
                loads.append(seconds(ContinuousClock.now - start))
            }
            guard let encoding else { continue }
            _ = encoding.encode("warm up")
            var times: [Double] = []
            var tokens = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                tokens = documents.reduce(0) { $0 + encoding.encode($1).count }
                times.append(seconds(ContinuousClock.now - start))
            }
            let ours = Double(bytes) / median(times) / 1_000_000
            var countTimes: [Double] = []
            var counted = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                counted = documents.reduce(0) { $0 + encoding.count($1) }
                countTimes.append(seconds(ContinuousClock.now - start))
            }
            let countRate = counted == tokens ? format(Double(bytes) / median(countTimes) / 1_000_000) : "MISMATCH"
            let load = String(format: "%.1f ms", median(loads) * 1000)
            if let theirs = reference[name.rawValue] {
                let theirRate = Double(bytes) / median(theirs.seconds) / 1_000_000
                print(
                    "| \(name.rawValue) | \(load) | \(format(ours)) | \(countRate) | \(format(theirRate)) | \(String(format: "%.2f×", ours / theirRate)) | \(theirs.tokens == tokens ? "yes" : "NO (\(tokens) vs \(theirs.tokens))") |"
                )
            } else {
                print("| \(name.rawValue) | \(load) | \(format(ours)) | \(countRate) | – | – | – |")
            }
        }
        if let version = reference.values.first?.version { print("\ntiktoken \(version) (Python \(pythonVersion()))") }
    }

    private struct Reference: Decodable {
        var encoding: String
        var tokens: Int
        var seconds: [Double]
        var version: String
    }

    /// Runs Benchmarks/tiktoken_bench.py with an offline cache made from our vocabulary files.
    private func tiktokenResults() throws -> [String: Reference] {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("tiktoken-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache) }
        // tiktoken caches each file under the SHA-1 of its download URL.
        try FileManager.default.copyItem(
            atPath: try vocabularyPath(.o200kBase),
            toPath: cache.appendingPathComponent("fb374d419588a4632f3f557e76b4b70aebbca790").path)
        try FileManager.default.copyItem(
            atPath: try vocabularyPath(.cl100kBase),
            toPath: cache.appendingPathComponent("9b5ad71b2ce5302211f9c61530b329a4922fc6a4").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Benchmarks/tiktoken_bench.py", corpus, String(runs)]
        var environment = ProcessInfo.processInfo.environment
        environment["TIKTOKEN_CACHE_DIR"] = cache.path
        environment["RAYON_NUM_THREADS"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("tiktoken benchmark failed (pip install tiktoken), or pass --skip-tiktoken")
        }
        var results: [String: Reference] = [:]
        for line in output.split(separator: UInt8(ascii: "\n")) {
            let reference = try JSONDecoder().decode(Reference.self, from: Data(line))
            results[reference.encoding] = reference
        }
        return results
    }

    private func vocabularyPath(_ name: EncodingName) throws -> String {
        for folder in EncodingLoader.searchPaths(directory: nil) + ["Sources/Tokenizer/Resources"] {
            let path = "\(folder)/\(name.rawValue).tiktoken"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw ValidationError("cannot find \(name.rawValue).tiktoken")
    }

    private func pythonVersion() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import platform; print(platform.python_version())"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func format(_ rate: Double) -> String { String(format: "%.2f", rate) }
