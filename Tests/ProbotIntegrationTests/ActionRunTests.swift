import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// End to end: the action as the runner starts it, over real HTTP to loopback fakes that enforce GitHub's and
/// OpenAI's rules.
struct ActionRunTests {
    static let headSHA = "9f4c2a1b7e3d5c6a8b0f1e2d3c4b5a6978675645"
    static let key = "sk-test-secret-key-0123456789"

    /// The files of examples/sample.diff, as GitHub's files API would list them.
    static func sampleFiles() throws -> [(filename: String, status: String, patch: String?)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/sample.diff")
        return UnifiedDiffParser.parse(try String(contentsOf: url, encoding: .utf8)).map {
            ($0.filename, $0.status, $0.patch)
        }
    }

    static func finding(
        _ path: String, _ line: Int, start: Int? = nil, side: String = "RIGHT", _ severity: String, _ title: String,
        suggestion: String? = nil
    ) -> [String: Any] {
        [
            "path": path, "line": line, "start_line": start as Any? ?? NSNull(), "side": side, "severity": severity,
            "title": title, "body": "Explanation of \(title.lowercased()).",
            "suggestion": suggestion as Any? ?? NSNull(),
        ]
    }

    /// Findings planted per file: some on commentable lines, some off the diff, a duplicate, a nit.
    nonisolated(unsafe) static let planted: [String: [[String: Any]]] = [
        "Sources/Cart/Checkout.swift": [
            finding("Sources/Cart/Checkout.swift", 15, "major", "Money as Double"),  // + line: inline
            finding("Sources/Cart/Checkout.swift", 18, start: 16, "minor", "Loop can be reduce"),  // range: inline
            // A deleted line: inline on the LEFT side.
            finding("Sources/Cart/Checkout.swift", 16, side: "LEFT", "minor", "Decimal was correct"),
            finding("Sources/Cart/Checkout.swift", 5, "minor", "Outside the hunk"),  // not in the diff: body
            finding("Sources/Cart/Checkout.swift", 20, start: 22, "minor", "Backwards range"),  // start after end: body
            finding("Sources/Other.swift", 3, "major", "Wrong file"),  // not in the PR: body
            finding("Sources/Cart/Checkout.swift", 26, "nit", "Naming"),  // below min-severity
        ],
        "scripts/export_orders.py": [
            finding(
                "scripts/export_orders.py", 7, "critical", "SQL injection",
                suggestion: #"    query = "SELECT id, total FROM orders WHERE customer = ?""#),
            finding(
                "scripts/export_orders.py", 7, "critical", "SQL injection",
                suggestion: #"    query = "SELECT id, total FROM orders WHERE customer = ?""#),  // exact duplicate
            finding("scripts/export_orders.py", 9, "minor", "Hard-coded path"),
            finding("scripts/export_orders.py", 10, "minor", "Hard-coded path"),  // same text, another line: kept
        ],
    ]

    static func reviewingModel(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        let findings = call.filePaths.flatMap { planted[$0] ?? [] }
        let json: [String: Any] = ["summary": "Coupons and an order export.", "findings": findings]
        let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 1_500, completionTokens: 400)
    }

    static func event(_ name: String = "pull_request.opened", mutate: (inout [String: Any]) -> Void = { _ in }) throws
        -> Data
    {
        var json = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data(name + ".json", in: .module)) as? [String: Any])
        mutate(&json)
        return try JSONSerialization.data(withJSONObject: json)
    }

    static func inputs(_ github: FakeGitHubServer, _ openAI: FakeOpenAIServer?, _ extra: [String: String] = [:])
        -> [String: String]
    {
        var inputs = ["github-token": github.token, "max-comments": "", "dry-run": "", "fail-on": ""]
        if let openAI {
            inputs["openai-api-key"] = openAI.apiKey
            inputs["openai-base-url"] = openAI.baseURL.absoluteString
        }
        return inputs.merging(extra) { $1 }
    }

    @Test func reviewsAPullRequestEndToEnd() async throws {
        try await withFakes(apiKey: Self.key, script: Self.reviewingModel) { github, openAI in
            github.addPullRequest(
                number: 42, title: "Checkout: apply coupons", headSHA: Self.headSHA, files: try Self.sampleFiles())

            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(), inputs: Self.inputs(github, openAI),
                githubURL: github.baseURL)
            let report = try #require(try await harness.run())

            // Exactly one review, no 422, on the head commit (not GITHUB_SHA).
            #expect(github.rejections.isEmpty, "\(github.rejections)")
            #expect(github.reviews.count == 1)
            let review = try #require(github.reviews.first)
            #expect(review.commitID == Self.headSHA)
            #expect(review.event == "COMMENT")
            let inline = review.comments.map {
                "\($0.path):\($0.startLine.map { "\($0)-" } ?? "")\($0.line)\($0.side == "LEFT" ? "L" : "")"
            }
            #expect(
                Set(inline) == [
                    "Sources/Cart/Checkout.swift:15", "Sources/Cart/Checkout.swift:16-18",
                    "Sources/Cart/Checkout.swift:16L",
                    "scripts/export_orders.py:7", "scripts/export_orders.py:9", "scripts/export_orders.py:10",
                ])
            #expect(inline.count == 6)
            let sql = try #require(review.comments.first { $0.line == 7 })
            #expect(
                sql.body.contains("```suggestion\n    query = \"SELECT id, total FROM orders WHERE customer = ?\"\n```")
            )
            // Every planted finding not inline is in the body, under its file.
            for title in ["Outside the hunk", "Backwards range", "Wrong file"] {
                #expect(review.body.contains(title), "\(title)")
            }
            #expect(!review.body.contains("Naming"))
            #expect(review.body.contains("Coupons and an order export."))
            #expect(review.body.contains("package-lock.json") && review.body.contains("assets/logo.png"))

            // The model was asked the right way.
            let call = try #require(openAI.calls.first)
            #expect(openAI.rejections.isEmpty, "\(openAI.rejections)")
            #expect(call.responseFormatType == "json_schema")
            #expect(call.maxCompletionTokens == 4_096)
            #expect(
                Set(openAI.calls.flatMap(\.filePaths)) == [
                    "Sources/Cart/Checkout.swift", "scripts/export_orders.py", "docs/setup.md",
                ])

            // Outputs and summary.
            let outputs = try harness.outputs
            #expect(outputs["review-id"] == String(review.id))
            #expect(outputs["findings"] == "9")
            #expect(outputs["comments"] == "6")
            #expect(outputs["files-reviewed"] == "3")
            #expect(outputs["files-skipped"] == "2")
            #expect(outputs["model-requests"] == String(openAI.calls.count))
            #expect(outputs["prompt-tokens"] == String(1_500 * openAI.calls.count))
            #expect(outputs["completion-tokens"] == String(400 * openAI.calls.count))
            #expect(outputs["cost-usd"] == Format.usd(report.costUSD ?? -1))
            let summary = harness.summary
            #expect(summary.contains("## 🤖 ChatGPT Probot · octo/shop#42"))
            #expect(summary.contains("| 🔴 critical | 1 | 0 | 1 |"))
            #expect(summary.contains("```mermaid"))
            #expect(summary.contains("| `package-lock.json` | built-in exclusion `package-lock.json` |"))

            // The log has groups and a line per batch; the key never appears.
            #expect(harness.log.contains("::add-mask::\(Self.key)"))
            #expect(harness.log.contains { $0.hasPrefix("::group::Review with gpt-4.1-mini") })
            #expect(harness.log.contains { $0.hasPrefix("[1/") && $0.contains("finding(s)") })
            #expect(!harness.log.dropFirst().contains { $0.contains(Self.key) })
            #expect(!summary.contains(Self.key))
        }
    }

    @Test func anUnexpected422IsRepostedWithCommentsInTheBody() async throws {
        try await withFakes(apiKey: Self.key, script: Self.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: try Self.sampleFiles())
            github.failNextReviews(with: [
                .json(422, ["message": "Unprocessable Entity", "errors": ["Line could not be resolved"]])
            ])
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(), inputs: Self.inputs(github, openAI),
                githubURL: github.baseURL)
            let report = try #require(try await harness.run())
            #expect(report.usedBodyFallback)
            #expect(github.reviews.count == 1)
            #expect(github.reviews[0].comments.isEmpty)
            for title in ["Money as Double", "SQL injection", "Hard-coded path", "Wrong file"] {
                #expect(github.reviews[0].body.contains(title))
            }
            #expect(harness.log.contains { $0.hasPrefix("::warning::") && $0.contains("Line could not be resolved") })
            // One warning for the one 422: an annotation, not also a console line counted against the cap.
            #expect(harness.log.count { $0.contains("Line could not be resolved") } == 1, "\(harness.log)")
            #expect(try harness.outputs["comments"] == "0")
            #expect(try harness.outputs["findings"] == "9")
        }
    }

    @Test func followsPaginationAcrossManyFiles() async throws {
        let openAI = try await FakeOpenAIServer.start(apiKey: Self.key) { _ in
            .content(#"{"summary":"ok","findings":[]}"#)
        }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            let files = (0..<230).map { index in
                (
                    filename: "src/module\(index).swift", status: "modified",
                    patch: Optional("@@ -1,2 +1,2 @@\n import Foundation\n-let v = \(index)\n+let v = \(index + 1)")
                )
            }
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: files)
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(), inputs: Self.inputs(github, openAI),
                githubURL: github.baseURL)
            let report = try #require(try await harness.run())
            let filePages = github.requests.filter { $0.path.hasSuffix("/files") }
            #expect(filePages.count == 3)
            #expect(filePages.dropFirst().allSatisfy { $0.path.hasPrefix("/repositories/\(github.repositoryID)/") })
            #expect(report.filesInDiff == 230)
            #expect(Set(openAI.calls.flatMap(\.filePaths)).count == 230)
            #expect(try harness.outputs["files-reviewed"] == "230")
            #expect(github.reviews.count == 1)
            #expect(github.reviews[0].body.contains("**0 finding(s)**"))
            // Reads: the PR, 3 pages of files, 3 history listings, the configuration file and `.gitattributes` at
            // the base, the learnings issue listing (`learn`), and one GraphQL query per 25 files for the code
            // around the hunks; writes: one review, one summary comment; one GraphQL query for the three root agent
            // instruction files and `AGENTS.md` in the files' one folder. Pages of files plus a constant plus
            // ⌈230 / 25⌉: no per-file calls.
            #expect(github.requests.filter { $0.path == "/graphql" }.count == 10 + 1)
            let instructionQueries = github.requests.filter {
                $0.path == "/graphql" && String(decoding: $0.body, as: UTF8.self).contains("AGENTS.md")
            }
            #expect(instructionQueries.count == 1)
            #expect(!github.requests.contains { $0.path.contains("/contents/") && $0.path.hasSuffix(".md") })
            #expect(github.requests.count == 10 + 12 + 1, "\(github.requests.map { "\($0.method) \($0.path)" })")
        }
    }

    @Test func dryRunNeedsNoKeyAndPostsNothing() async throws {
        try await withFakeGitHub { github in
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: try Self.sampleFiles())
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(),
                inputs: Self.inputs(github, nil, ["dry-run": "true"]),
                githubURL: github.baseURL)
            let report = try #require(try await harness.run())
            #expect(report.dryRun)
            #expect(github.reviews.isEmpty)
            #expect(harness.summary.contains("· dry run"))
            #expect(harness.summary.contains("| Planned requests | 1 |"))
            #expect(try harness.outputs["model-requests"] == "0")
            #expect(try harness.outputs["files-reviewed"] == "3")
            #expect(try Int(harness.outputs["prompt-tokens"] ?? "") ?? 0 > 0)
        }
    }

    @Test func eventsThatNeedNoReviewExitCleanlyWithANotice() async throws {
        try await withFakeGitHub { github in
            for (name, event) in [
                ("pull_request", try Self.event { $0["action"] = "closed" }),
                (
                    "pull_request",
                    try Self.event { json in
                        var pr = json["pull_request"] as? [String: Any] ?? [:]
                        pr["draft"] = true
                        json["pull_request"] = pr
                    }
                ),
                ("push", try Self.event("push")),
            ] {
                // No key: a skipped event must still end green, with the input problem as a warning.
                let harness = try ActionHarness(
                    eventName: name, event: event, inputs: Self.inputs(github, nil), githubURL: github.baseURL)
                #expect(try await harness.run() == nil)
                #expect(harness.log.contains { $0.hasPrefix("::warning::") && $0.contains("openai-api-key") })
                #expect(harness.log.contains { $0.hasPrefix("::notice::") })
                #expect(harness.summary.contains("Nothing to review"))
                #expect(try harness.outputs["comments"] == "0")
            }
            #expect(github.requests.isEmpty)
        }
    }

    @Test func invalidInputsFailBeforeAnyNetworkCall() async throws {
        try await withFakeGitHub { github in
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(),
                inputs: Self.inputs(github, nil, ["max-comments": "lots", "min-severity": "high"]),
                githubURL: github.baseURL)
            await #expect {
                try await harness.run()
            } throws: { error in
                guard case .invalidInputs(let error) = error as? RunError else { return false }
                return error.problems.count == 3 && error.description.contains("`openai-api-key`")
            }
            #expect(github.requests.isEmpty)
        }
    }

    @Test func aForkPullRequestWithoutSecretsIsSkippedNotFailed() async throws {
        try await withFakeGitHub { github in
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event("pull_request.fork"), inputs: Self.inputs(github, nil),
                githubURL: github.baseURL)
            #expect(try await harness.run() == nil)
            #expect(harness.log.contains { $0.hasPrefix("::notice::") && $0.contains("fork") })
            #expect(harness.summary.contains("pull_request_target"))
            #expect(github.requests.isEmpty)
        }
    }

    @Test func aRejectedKeyFailsClearlyWritesTheSummaryAndPostsNothing() async throws {
        try await withFakes(apiKey: "sk-the-real-key-000", script: Self.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: try Self.sampleFiles())
            var inputs = Self.inputs(github, openAI)
            inputs["openai-api-key"] = "sk-wrong-key-should-never-print"
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(), inputs: inputs, githubURL: github.baseURL)
            await #expect {
                try await harness.run()
            } throws: { error in
                String(describing: error).contains("401 (invalid_api_key)")
            }
            #expect(github.reviews.isEmpty)
            #expect(harness.summary.contains("[!CAUTION]"))
            #expect(harness.summary.contains("invalid_api_key"))
            #expect(!harness.summary.contains("sk-wrong-key-should-never-print"))
            #expect(!harness.log.dropFirst().contains { $0.contains("sk-wrong-key-should-never-print") })
            #expect(try harness.outputs["review-id"] == "")
        }
    }

    @Test func failOnFailsTheStepAfterPostingEverything() async throws {
        try await withFakes(apiKey: Self.key, script: Self.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: try Self.sampleFiles())
            let harness = try ActionHarness(
                eventName: "pull_request", event: try Self.event(),
                inputs: Self.inputs(github, openAI, ["fail-on": "critical"]),
                githubURL: github.baseURL)
            await #expect {
                try await harness.run()
            } throws: { error in
                guard case .failOn(let finding, _) = error as? RunError else { return false }
                return finding.title == "SQL injection"
            }
            #expect(github.reviews.count == 1)
            #expect(try harness.outputs["comments"] == "6")
            // The job summary names the reason in the words of the `::error::` line.
            #expect(
                harness.summary.contains("**The step failed:** a critical finding was posted (`fail-on: critical`)"))
        }
    }

    @Test func aMalformedEventFileIsAClearError() async throws {
        try await withFakeGitHub { github in
            let harness = try ActionHarness(
                eventName: "pull_request", event: Data("{\"pull_request\": 5}".utf8),
                inputs: Self.inputs(github, nil, ["openai-api-key": "sk-x"]),
                githubURL: github.baseURL)
            await #expect {
                try await harness.run()
            } throws: { error in
                String(describing: error).hasPrefix("the event payload is malformed")
            }
        }
    }
}
