import Foundation

/// Runs `git -C repository …` for the benchmarks that read real histories, and returns what it printed.
enum Git {
    /// The standard output of `git -C repository arguments…`.
    static func output(_ repository: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", repository] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// The standard output as text.
    static func text(_ repository: String, _ arguments: [String]) throws -> String {
        String(decoding: try output(repository, arguments), as: UTF8.self)
    }
}
