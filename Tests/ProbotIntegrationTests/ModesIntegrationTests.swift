import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// Manual review, scheduled audit and comment commands, end to end against the fakes.
struct ModesIntegrationTests {
    static func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=Test"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// A git checkout with code, a binary, an ignored file, a vendored file and a large file.
    static func makeRepository(extraFiles: Int = 0) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        func write(_ path: String, _ text: String) throws {
            let url = directory.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("app/db.py", "import sqlite3\nquery = \"SELECT * FROM users WHERE name = '%s'\" % name\n")
        try write("app/util.py", "def add(a, b):\n    return a + b\n")
        try write("Sources/Shop.swift", "struct Shop {\n    var open = false\n}\n")
        try write(".gitignore", "*.log\n")
        try write("debug.log", "secret stuff\n")
        try write("vendor/lib.js", "var x = 1;\n")
        try write("data/big.txt", String(repeating: "0123456789abcdef\n", count: 20_000))
        for index in 0..<extraFiles { try write("pkg/module\(index).py", "def f\(index)():\n    return \(index)\n") }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: directory.url.appendingPathComponent("logo.png"))
        try Data([0x00, 0x61, 0x73, 0x6D, 0x01]).write(to: directory.url.appendingPathComponent("app/module.bin"))
        try git(["init", "-q"], in: directory.url)
        try git(["add", "."], in: directory.url)
        try git(["commit", "-q", "-m", "initial"], in: directory.url)
        return directory
    }

    static func auditModel(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        var findings: [[String: Any]] = []
        if call.filePaths.contains("app/db.py") {
            findings.append(ActionRunTests.finding("app/db.py", 2, "critical", "SQL injection"))
            findings.append(ActionRunTests.finding("app/db.py", 99, "minor", "Line that does not exist"))
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["summary": "Audited.", "findings": findings])) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 800, completionTokens: 100)
    }

    static func auditHarness(
        _ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, workspace: URL, inputs: [String: String] = [:]
    ) throws -> ActionHarness {
        var harness = try ActionHarness(
            eventName: "schedule", event: try Fixture.data("schedule.json", in: .module),
            inputs: ActionRunTests.inputs(github, openAI, inputs), githubURL: github.baseURL)
        harness.environment["GITHUB_WORKSPACE"] = workspace.path
        harness.environment["GITHUB_SHA"] = "abc123def456"
        return harness
    }

    @Test func aManualRunReviewsTheChosenPullRequest() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) {
            github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            let harness = try ActionHarness(
                eventName: "workflow_dispatch", event: try Fixture.data("workflow_dispatch.json", in: .module),
                inputs: ActionRunTests.inputs(github, openAI), githubURL: github.baseURL)
            let report = try #require(try await harness.run())
            #expect(report.pullRequest?.number == 42)
            #expect(github.reviews.count == 1)
            #expect(github.comments.count == 6)
        }
    }

    @Test func aScheduledAuditWritesSarifTheSummaryAndOneTrackingIssue() async throws {
        let repository = try Self.makeRepository()
        try await withFakes(script: Self.auditModel) { github, openAI in
            // A pull request that happens to carry the label must not be mistaken for the tracking issue.
            github.addListedIssue(
                number: 3, title: "PR", body: AuditRenderer.issueMarker, labels: ["chatgpt-probot-audit"],
                isPullRequest: true)
            let harness = try Self.auditHarness(github, openAI, workspace: repository.url)
            let result = await harness.perform()
            let report = try #require(result.audit)

            let sent = Set(openAI.calls.flatMap(\.filePaths))
            #expect(sent == ["app/db.py", "app/util.py", "Sources/Shop.swift", ".gitignore"])
            #expect(!sent.contains("debug.log"), "ignored files are not tracked, so not audited")
            let skipped = Dictionary(
                report.notAudited.map { ($0.path, $0.reason) }, uniquingKeysWith: { first, _ in first })
            #expect(skipped["logo.png"] == .builtInExclusion("*.png"))
            #expect(skipped["app/module.bin"] == .builtInExclusion("*.bin"))
            #expect(skipped["vendor/lib.js"] == .builtInExclusion("vendor/**"))
            #expect(skipped["data/big.txt"] == .tooLarge(bytes: 340_000, limit: 200_000))

            // SARIF for code scanning.
            let sarifPath = repository.url.appendingPathComponent("chatgpt-probot.sarif").path
            #expect(try harness.outputs["sarif-file"] == sarifPath)
            let sarif = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath)))
                    as? [String: Any])
            let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            #expect(results.count == 1)
            #expect(report.findings.count == 2)
            #expect(report.findings.last?.unlocated?.contains("not in the file") == true)

            // One tracking issue, with the findings.
            let issues = github.trackedIssues
            #expect(issues.count == 1)
            let issue = try #require(issues.values.first)
            #expect(issue.labels == ["chatgpt-probot-audit"])
            #expect(issue.body.contains("SQL injection"))
            #expect(issue.body.contains(AuditRenderer.issueMarker))
            #expect(harness.summary.contains("audit of octo/shop"))
            #expect(harness.summary.contains("`data/big.txt`"))
            #expect(try harness.outputs["findings"] == "2")

            // The next night updates the same issue.
            let second = try Self.auditHarness(github, openAI, workspace: repository.url)
            #expect(await second.perform().failure == nil)
            #expect(github.trackedIssues.count == 1)
            #expect(github.requests.filter { $0.method == "PATCH" && $0.path.contains("/issues/") }.count == 1)
        }
    }

    @Test func shardsSplitTheRepositoryAndOnlyTheFirstWritesTheIssue() async throws {
        let repository = try Self.makeRepository(extraFiles: 30)
        try await withFakes(script: Self.auditModel) { github, openAI in
            var audited: [[String]] = []
            for index in 1...3 {
                let harness = try Self.auditHarness(
                    github, openAI, workspace: repository.url,
                    inputs: ["shard": "\(index)/3", "sarif-file": "sarif/shard-\(index).sarif"])
                let report = try #require(await harness.perform().audit)
                audited.append(report.audited)
                #expect(
                    FileManager.default.fileExists(
                        atPath: repository.url.appendingPathComponent("sarif/shard-\(index).sarif").path))
                #expect(github.trackedIssues.count == 1, "after shard \(index)")
            }
            let all = audited.flatMap { $0 }
            #expect(Set(all).count == all.count, "no file in two shards")
            #expect(
                Set(all)
                    == Set(
                        ["app/db.py", "app/util.py", "Sources/Shop.swift", ".gitignore"]
                            + (0..<30).map { "pkg/module\($0).py" }))
            #expect(
                github.requests.filter { ($0.method == "POST" || $0.method == "PATCH") && $0.path.hasSuffix("/issues") }
                    .count == 1)
        }
    }

    @Test func capsStopEarlyAndSayWhatWasLeft() async throws {
        let repository = try Self.makeRepository(extraFiles: 20)
        try await withFakes(script: Self.auditModel) { github, openAI in
            let limited = try Self.auditHarness(github, openAI, workspace: repository.url, inputs: ["max-files": "5"])
            let byFiles = try #require(await limited.perform().audit)
            #expect(byFiles.audited.count == 5)
            #expect(byFiles.notAudited.filter { $0.reason == .capReached("max-files 5") }.count == 19)

            let costly = try Self.auditHarness(
                github, openAI, workspace: repository.url,
                inputs: ["max-cost-usd": "0.003", "max-prompt-tokens": "1000", "max-concurrency": "1"])
            let byCost = try #require(await costly.perform().audit)
            let heldBack = byCost.notAudited.filter { $0.reason == .capReached("max-cost-usd") }
            #expect(!heldBack.isEmpty)
            #expect((byCost.costUSD ?? 1) <= 0.003)
            #expect(costly.log.contains { $0.hasPrefix("::warning::the audit stopped at the max-cost-usd cap") })
        }
    }

    @Test func aFewHundredFilesFinishWithinTheirCaps() async throws {
        let repository = try Self.makeRepository(extraFiles: 300)
        try await withFakes(script: Self.auditModel) { github, openAI in
            let harness = try Self.auditHarness(
                github, openAI, workspace: repository.url, inputs: ["max-cost-usd": "0.004", "max-files": "250"])
            let report = try #require(await harness.perform().audit)
            #expect(report.filesInScope == 308)  // 300 modules and 8 tracked files (the ignored log is not tracked)
            #expect((report.costUSD ?? 1) <= 0.004)
            let left = report.notAudited.filter {
                if case .capReached = $0.reason { return true } else { return false }
            }
            #expect(
                report.auditedSuccessfully.count + left.count + report.notAudited.count - left.count
                    == report.filesInScope)
            #expect(report.auditedSuccessfully.count <= 250)
            #expect(left.contains { $0.reason == .capReached("max-files 250") })
            #expect(harness.summary.contains("left for a later run"))
        }
    }

    @Test func anAuditWithoutACheckoutSaysSo() async throws {
        let empty = try TemporaryDirectory()
        try await withFakes(script: Self.auditModel) { github, openAI in
            let harness = try Self.auditHarness(github, openAI, workspace: empty.url)
            let (status, _, error) = await harness.runForExit()
            #expect(status == 1)
            #expect(String(describing: error).contains("actions/checkout"))
        }
    }

    // MARK: Comment commands

    static func commandHarness(_ fixture: String, _ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, event: String)
        throws -> ActionHarness
    {
        try ActionHarness(
            eventName: event, event: try Fixture.data(fixture, in: .module),
            inputs: ActionRunTests.inputs(github, openAI),
            githubURL: github.baseURL)
    }

    @Test func chatOnAnIssueRepliesWithTheIssueAsContext() async throws {
        let openAI = try await FakeOpenAIServer.start { _ in
            .content("Rounding each line before summing loses cents. Round once at the end.")
        }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            github.addIssue(number: 7)
            let harness = try Self.commandHarness("issue_comment.issue.json", github, openAI, event: "issue_comment")
            #expect(await harness.perform().failure == nil)
            #expect(github.reactions == ["issues:9001:eyes"])
            let reply = try #require(github.issueComments.last?.body)
            #expect(reply.hasPrefix("> Why could the total differ"))
            #expect(reply.contains("@octo Rounding each line"))
            let prompt = try #require(openAI.calls.first?.userText)
            #expect(prompt.contains("Checkout total is off by a cent"))
            #expect(openAI.calls.first?.responseFormatType == nil)
        }
    }

    @Test func chatOnAPullRequestSeesTheDiff() async throws {
        let openAI = try await FakeOpenAIServer.start { _ in
            .content("A 100% coupon makes the total zero, which charge() sends as Decimal(0).")
        }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            let harness = try Self.commandHarness(
                "issue_comment.pull_request.json", github, openAI, event: "issue_comment")
            #expect(await harness.perform().failure == nil)
            let prompt = try #require(openAI.calls.first?.userText)
            #expect(prompt.contains("sum -= sum * coupon.percentOff / 100"))
            #expect(github.issueComments.last?.body.contains("Decimal(0)") == true)
        }
    }

    @Test func slashReviewInAPullRequestConversationRunsTheReview() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) {
            github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            var event = try #require(
                try JSONSerialization.jsonObject(with: Fixture.data("issue_comment.pull_request.json", in: .module))
                    as? [String: Any])
            var comment = try #require(event["comment"] as? [String: Any])
            comment["body"] = "/review"
            event["comment"] = comment
            let harness = try ActionHarness(
                eventName: "issue_comment", event: try JSONSerialization.data(withJSONObject: event),
                inputs: ActionRunTests.inputs(github, openAI), githubURL: github.baseURL)
            let report = try #require(try await harness.run())
            #expect(report.review != nil)
            #expect(github.comments.count == 6)
            #expect(github.reactions == ["issues:9001:eyes"])
        }
    }

    @Test func refactorInAReviewThreadRepliesInTheThread() async throws {
        let openAI = try await FakeOpenAIServer.start { _ in
            .content(
                "Use a parameter:\n\n```suggestion\n    query = \"SELECT id, total FROM orders WHERE customer = ?\"\n```"
            )
        }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            let harness = try Self.commandHarness(
                "pull_request_review_comment.json", github, openAI, event: "pull_request_review_comment")
            #expect(await harness.perform().failure == nil)
            #expect(github.reactions == ["pulls:7001:eyes"])
            let reply = try #require(github.replies.first)
            #expect(reply.root == 6999)
            #expect(reply.body.contains("```suggestion"))
            let call = try #require(openAI.calls.first)
            #expect(call.messages.first?.content.contains("Propose a refactoring") == true)
            #expect(call.userText.contains("scripts/export_orders.py"))
        }
    }

    @Test func strangersAndBotsCannotRunCommands() async throws {
        let openAI = try await FakeOpenAIServer.start { _ in .content("never") }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            github.addIssue(number: 7)
            for (association, type) in [("NONE", "User"), ("CONTRIBUTOR", "User"), ("OWNER", "Bot")] {
                var event = try #require(
                    try JSONSerialization.jsonObject(with: Fixture.data("issue_comment.issue.json", in: .module))
                        as? [String: Any])
                var comment = try #require(event["comment"] as? [String: Any])
                comment["author_association"] = association
                event["comment"] = comment
                event["sender"] = ["login": "someone", "type": type]
                let harness = try ActionHarness(
                    eventName: "issue_comment", event: try JSONSerialization.data(withJSONObject: event),
                    inputs: ActionRunTests.inputs(github, openAI), githubURL: github.baseURL)
                let (status, _, _) = await harness.runForExit()
                #expect(status == 0)
                #expect(harness.log.contains { $0.hasPrefix("::notice::") })
            }
            #expect(openAI.calls.isEmpty)
            #expect(github.reactions.isEmpty)
            #expect(github.issueComments.isEmpty)
        }
    }

    @Test func fewShotExamplesArePriorTurnsAndCountTowardTheBudget() async throws {
        let workspace = try TemporaryDirectory()
        try """
        examples:
          - path: app/db.py
            diff: |
              @@ -1,2 +1,2 @@
               import sqlite3
              -q = "SELECT * FROM t WHERE id = ?"
              +q = "SELECT * FROM t WHERE id = " + id
            findings:
              - line: 2
                severity: critical
                title: SQL injection
                body: Keep the parameter.
        """.write(to: workspace.url.appendingPathComponent("review-examples.yml"), atomically: true, encoding: .utf8)
        try await withFakes(script: ActionRunTests.reviewingModel) {
            github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            var harness = try ActionHarness(
                eventName: "pull_request", event: try ActionRunTests.event(),
                inputs: ActionRunTests.inputs(github, openAI, ["examples-file": "review-examples.yml"]),
                githubURL: github.baseURL)
            harness.environment["GITHUB_WORKSPACE"] = workspace.url.path
            let report = try #require(try await harness.run())
            let messages = try #require(openAI.calls.first?.messages)
            #expect(messages.map(\.role) == ["system", "user", "assistant", "user"])
            #expect(messages[1].content.contains("+2: q = \"SELECT * FROM t WHERE id = \" + id"))
            #expect(messages[2].content.contains("\"title\":\"SQL injection\""))
            #expect(report.plan.batches.allSatisfy { $0.overheadTokens > 100 })
            #expect(github.comments.count == 6)
        }
    }

    @Test func aBrokenExamplesFileIsAClearError() async throws {
        let workspace = try TemporaryDirectory()
        try "examples:\n  - path: a.py\n    findings: []\n".write(
            to: workspace.url.appendingPathComponent("ex.yml"), atomically: true, encoding: .utf8)
        try await withFakes(script: ActionRunTests.reviewingModel) {
            github, openAI in
            var harness = try ActionHarness(
                eventName: "pull_request", event: try ActionRunTests.event(),
                inputs: ActionRunTests.inputs(github, openAI, ["examples-file": "ex.yml"]), githubURL: github.baseURL)
            harness.environment["GITHUB_WORKSPACE"] = workspace.url.path
            let (status, _, error) = await harness.runForExit()
            #expect(status == 1)
            #expect(String(describing: error).contains("`examples-file`: missing key `diff`"))
        }
    }
}
