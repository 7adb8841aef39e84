import Foundation
import ProbotTestSupport

/// Deterministic synthetic pull requests: several languages, renames, binaries, lockfiles and a few huge files.
enum SyntheticPullRequest {
    struct File: Sendable {
        var filename: String
        var status: String
        var patch: String?
    }

    /// A seeded linear congruential generator, so every run sees the same pull request.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let languages: [(ext: String, line: @Sendable (Int) -> String)] = [
        ("swift", { "    let value\($0) = try await client.fetch(id: \($0), timeout: .seconds(\($0 % 30)))" }),
        ("py", { "    result_\($0) = session.query(Order).filter(Order.id == \($0)).first()" }),
        ("ts", { "  const item\($0) = await api.get<Item>(`/items/${id}/\($0)`, { retries: \($0 % 5) });" }),
        (
            "go",
            {
                "\tif err := store.Put(ctx, key\($0), value\($0)); err != nil { return fmt.Errorf(\"put %d: %w\", \($0), err) }"
            }
        ),
        ("rs", { "    let total_\($0): u64 = items.iter().map(|i| i.price * \($0)).sum();" }),
        ("java", { "        final var entry\($0) = repository.findById(\($0)L).orElseThrow(NotFoundException::new);" }),
    ]

    static func make(files count: Int) -> [File] {
        var random = Generator(state: UInt64(count) &* 2_654_435_761)
        return (0..<count).map { index in
            let roll = Int.random(in: 0..<100, using: &random)
            let language = languages[index % languages.count]
            let path = "src/module\(index % 40)/file\(index).\(language.ext)"
            if roll < 3 { return File(filename: "assets/image\(index).png", status: "added", patch: nil) }
            if roll < 5 {
                return File(
                    filename: "packages/p\(index)/package-lock.json", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b")
            }
            let hunks = roll < 6 ? 40 : Int.random(in: 1...3, using: &random)
            var patch = ""
            var start = 1
            for _ in 0..<hunks {
                let lines = Int.random(in: 6...30, using: &random)
                patch += "@@ -\(start),\(lines / 2) +\(start),\(lines) @@ func handler\(start)()\n"
                for line in 0..<lines {
                    patch += (line < lines / 2 ? " " : "+") + language.line(start + line) + "\n"
                }
                start += lines + Int.random(in: 5...60, using: &random)
            }
            let renamed = roll >= 95
            return File(filename: path, status: renamed ? "renamed" : "modified", patch: patch)
        }
    }

    /// The new file a synthetic patch belongs to: the patch's lines at their numbers, a function opening two
    /// lines above each hunk, and statements in between, so the code around each hunk has a scope to find.
    static func source(for patch: String) -> String {
        var lines: [Int: String] = [:]
        var openers: [Int] = []
        var number = 0
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@") {
                let plus = line.split(separator: " ")[2].dropFirst().split(separator: ",")[0]
                number = Int(plus) ?? 1
                openers.append(number - 2)
            } else if line.hasPrefix("+") || line.hasPrefix(" ") {
                lines[number] = String(line.dropFirst())
                number += 1
            }
        }
        let last = (lines.keys.max() ?? 0) + 5
        return (1...last).map { index in
            if let text = lines[index] { return text }
            if openers.contains(index) { return "func handler\(index + 2)() {" }
            return "    work(\(index))"
        }.joined(separator: "\n")
    }

    /// The model: one finding on the first added line of every fifth file it sees; a short prose summary when
    /// asked for the whole pull request's.
    static func answer(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        // The summary of the whole pull request (the one request without a schema): at most 120 words.
        guard call.responseFormatType != nil else {
            return .content(
                "Adds handlers across the modules; the biggest hunks change error handling, so look there first.",
                completionTokens: 150)
        }
        var findings: [[String: Any]] = []
        for path in call.filePaths where path.utf8.reduce(0, { $0 &+ Int($1) }) % 5 == 0 {
            findings.append([
                "path": path, "line": 4, "start_line": NSNull(), "side": "RIGHT", "severity": "minor",
                "title": "Unchecked result", "body": "Handle the error.", "suggestion": NSNull(),
            ])
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["summary": "Reviewed.", "findings": findings])) ?? Data()
        // The answer grows with what the model was shown: a line per file and findings in proportion to the
        // changed lines (what makes a real model's answer, and so its latency, longer).
        let changed = call.userText.split(separator: "\n").count { $0.hasPrefix("+") || $0.hasPrefix("-") }
        return .content(
            String(decoding: data, as: UTF8.self), completionTokens: 30 + 20 * call.filePaths.count + 2 * changed)
    }
}
