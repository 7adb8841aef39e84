package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an executable with an argument array (never a shell), standard output to a file, bounded in time: past
/// the limit it is terminated, then killed.
package enum ChildProcess {
    /// How a run ended.
    package struct Finished: Sendable {
        /// The exit status; `nil` when the run was stopped at the time limit.
        package var status: Int32?
        package var seconds: Double
        /// The largest resident set of any child this process has waited for so far, in kilobytes (Linux).
        package var peakChildKilobytes: Int
    }

    /// The path of `name` in the `PATH` list `searchPath`, when there is an executable file there.
    package static func find(_ name: String, searchPath: String?) -> URL? {
        let directories = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for directory in directories where directory.hasPrefix("/") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory`, its output to `output` (stderr discarded).
    package static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, output: URL, timeout: Duration
    ) async throws -> Finished {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in
                continuation.yield()
                continuation.finish()
            }
        }
        try process.run()
        let stopped = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in exited { break }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return true
            }
            let first = await group.next() ?? false
            if first {
                process.terminate()
                try? await Task.sleep(for: .milliseconds(500))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            group.cancelAll()
            return first
        }
        process.waitUntilExit()
        let elapsed = clock.now - start
        return Finished(
            status: stopped ? nil : process.terminationStatus,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            peakChildKilobytes: peakChildKilobytes())
    }

    private static func peakChildKilobytes() -> Int {
        #if canImport(Glibc)
            var usage = rusage()
            guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss)
        #else
            return 0
        #endif
    }
}
