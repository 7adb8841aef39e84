import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// `.github/chatgpt-probot.yml` end to end: read from the base, path instructions, skip rules, validation,
/// precedence.
struct ConfigIntegrationTests {
    static let base = "basesha000"
    static let path = ".github/chatgpt-probot.yml"

    /// A file of about 300 tokens, so a 1,000-token budget holds one or two per request.
    static func file(_ name: String) -> (filename: String, status: String, patch: String?) {
        let lines = (1...14).map { "+let value\($0) = compute(\($0)) // \(name) padding to make the file longer" }
        return (name, "added", "@@ -0,0 +1,14 @@\n" + lines.joined(separator: "\n"))
    }

    static func harness(
        _ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, eventName: String = "pull_request",
        event: Data? = nil, inputs extra: [String: String] = [:]
    ) throws -> ActionHarness {
        try ActionHarness(
            eventName: eventName, event: try event ?? ActionRunTests.event(),
            inputs: ActionRunTests.inputs(github, openAI, extra), githubURL: github.baseURL)
    }

    static func quietModel(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        .content(#"{"summary":"ok","findings":[]}"#, promptTokens: 800, completionTokens: 20)
    }

    @Test func pathInstructionsReachExactlyTheRequestsWithMatchingFiles() async throws {
        try await withFakes(script: Self.quietModel) { github, openAI in
            let files = [
                "Sources/Api/Users.swift", "Sources/Api/Orders.swift", "Sources/App/Main.swift", "migrations/001.sql",
            ]
            .map(Self.file)
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: files)
            github.setFile(
                Self.path,
                """
                path_instructions:
                  - path: "Sources/Api/**"
                    instructions: Check every endpoint for authorization.
                  - path: "migrations/**"
                    instructions: Check for table locks.
                """, at: Self.base)
            let harness = try Self.harness(github, openAI, inputs: ["max-prompt-tokens": "1000"])
            let report = try #require(try await harness.run())
            #expect(openAI.calls.count >= 3, "the budget must force several requests")
            for call in openAI.calls {
                let system = call.messages.first { $0.role == "system" }?.content ?? ""
                let api = call.filePaths.contains { $0.hasPrefix("Sources/Api/") }
                let migration = call.filePaths.contains { $0.hasPrefix("migrations/") }
                #expect(
                    system.contains("For files matching `Sources/Api/**`:\nCheck every endpoint for authorization.")
                        == api)
                #expect(system.contains("Check for table locks.") == migration)
                #expect(system.components(separatedBy: "Sources/Api/**").count <= 2, "each instruction once")
            }
            #expect(report.settingOrigins.contains { $0.name == "path-instructions" && $0.source == .file })
            #expect(
                harness.summary.contains(
                    "| `path-instructions` | Sources/Api/**, migrations/** | repository configuration |"))
            // Every request stayed within the budget, instructions included.
            #expect(report.plan.batches.allSatisfy { $0.promptTokens <= 1_000 })
        }
    }

    @Test(arguments: [
        ("labels", "skip:\n  labels: [no-ai-review]\n", "label `no-ai-review` (skip.labels)"),
        (
            "title", "skip:\n  title_keywords: [\"[skip review]\"]\n",
            "title keyword `[skip review]` (skip.title_keywords)"
        ),
        ("author", "skip:\n  authors: [\"Renovate[bot]\"]\n", "author `Renovate[bot]` (skip.authors)"),
    ])
    func eachSkipRuleSkipsWithoutAModelCall(_ rule: String, _ file: String, _ reason: String) async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) { github, openAI in
            github.addPullRequest(
                number: 42, title: "Bump deps [skip review]", headSHA: ActionRunTests.headSHA,
                files: try ActionRunTests.sampleFiles(), labels: ["dependencies", "no-ai-review"],
                author: "renovate[bot]")
            github.setFile(Self.path, file, at: Self.base)
            let harness = try Self.harness(github, openAI)
            let outcome = await harness.perform()
            #expect(outcome.failure == nil)
            #expect(openAI.calls.isEmpty, "rule \(rule)")
            #expect(github.reviews.isEmpty)
            #expect(harness.summary.contains(reason), "\(harness.summary)")
            #expect(harness.log.contains { $0.hasPrefix("::notice::") && $0.contains(reason) })
        }
    }

    @Test func aManualRunIgnoresSkipRules() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) { github, openAI in
            github.addPullRequest(
                number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles(),
                labels: ["no-ai-review"])
            github.setFile(Self.path, "skip:\n  labels: [no-ai-review]\n", at: Self.base)
            let harness = try Self.harness(
                github, openAI, eventName: "workflow_dispatch",
                event: try Fixture.data("workflow_dispatch.json", in: .module))
            _ = try await harness.run()
            #expect(!openAI.calls.isEmpty)
            #expect(github.reviews.count == 1)
        }
    }

    @Test func theBaseRulesApplyEvenWhenThePullRequestChangesTheFile() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) { github, openAI in
            var files = try ActionRunTests.sampleFiles()
            // The PR tries to loosen the rules: no skip, everything posted. Its head version is never read.
            files.append((Self.path, "modified", "@@ -1 +1 @@\n-min_severity: critical\n+min_severity: nit"))
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: files)
            github.setFile(Self.path, "min_severity: critical\n", at: Self.base)
            github.setFile(Self.path, "min_severity: nit\n", at: ActionRunTests.headSHA)
            let harness = try Self.harness(github, openAI)
            let report = try #require(try await harness.run())
            #expect(report.placement.posted.allSatisfy { $0.severity == .critical })
            #expect(!report.placement.belowMinSeverity.isEmpty)
            #expect(
                harness.summary.contains(
                    "this pull request changes `.github/chatgpt-probot.yml`; the change applies after merge"))
            let reads = github.requests.filter { $0.path.contains("/contents/") }
            #expect(reads.allSatisfy { $0.query["ref"] == Self.base })
        }
    }

    @Test func anInvalidFileFailsClearlyBeforeAnyModelCall() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            github.setFile(Self.path, "min_severity: high\nlanguage: [x]\nshout: yes\n", at: Self.base)
            let harness = try Self.harness(github, openAI)
            let (status, _, error) = await harness.runForExit()
            #expect(status == 1)
            guard case .invalidConfig(let config) = error else {
                Issue.record("expected invalidConfig, got \(String(describing: error))")
                return
            }
            #expect(config.problems.map(\.line) == [1, 2, 3])
            #expect(openAI.calls.isEmpty)
            #expect(github.reviews.isEmpty)
            #expect(harness.summary.contains("3 problems in .github/chatgpt-probot.yml"))
        }
    }

    @Test func anExplicitInputWinsOverTheFileAndTheFileOverDefaults() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            github.setFile(
                Self.path, "language: German\nmin_severity: major\ninstructions: Be brief.\n", at: Self.base)
            let harness = try Self.harness(github, openAI, inputs: ["language": "French"])
            let report = try #require(try await harness.run())
            let system = openAI.calls.first?.messages.first { $0.role == "system" }?.content ?? ""
            #expect(system.contains("in French"))
            #expect(system.contains("Be brief."))
            #expect(report.placement.posted.allSatisfy { $0.severity >= .major })
            let origins = Dictionary(uniqueKeysWithValues: report.settingOrigins.map { ($0.name, $0) })
            #expect(origins["language"] == SettingOrigin(name: "language", value: "French", source: .input))
            #expect(origins["min-severity"] == SettingOrigin(name: "min-severity", value: "major", source: .file))
            #expect(origins["instructions"]?.source == .file)
            #expect(origins["include"] == nil, "defaults are not listed")
            #expect(harness.summary.contains("| `language` | French | workflow input |"))
            #expect(harness.summary.contains("| `min-severity` | major | repository configuration |"))
        }
    }

    @Test func aMissingFileIsFine() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            let harness = try Self.harness(github, openAI)
            let report = try #require(try await harness.run())
            #expect(report.settingOrigins.isEmpty)
            #expect(github.reviews.count == 1)
        }
    }

    @Test func anAuditReadsTheWorkspaceFileAndSendsItsPathInstructions() async throws {
        let repository = try ModesIntegrationTests.makeRepository()
        try FileManager.default.createDirectory(
            at: repository.url.appendingPathComponent(".github"), withIntermediateDirectories: true)
        try
            "path_instructions:\n  - path: \"app/**\"\n    instructions: Look for SQL injection.\nexclude: [\".gitignore\"]\n"
            .write(to: repository.url.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
        try await withFakes(script: ModesIntegrationTests.auditModel) { github, openAI in
            let harness = try ModesIntegrationTests.auditHarness(github, openAI, workspace: repository.url)
            #expect(await harness.perform().failure == nil)
            let sent = Set(openAI.calls.flatMap(\.filePaths))
            #expect(!sent.contains(".gitignore"), "the file's exclude applies")
            for call in openAI.calls {
                let system = call.messages.first { $0.role == "system" }?.content ?? ""
                #expect(system.contains("Look for SQL injection.") == call.filePaths.contains { $0.hasPrefix("app/") })
            }
        }
    }

    static func refactorModel(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer { .content("Use a parameter.") }

    @Test func aRefactorInAThreadGetsTheInstructionsOfItsFile() async throws {
        try await withFakes(script: Self.refactorModel) { github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            // The review-comment fixture's pull request has this base commit.
            github.setFile(
                Self.path, "path_instructions:\n  - path: \"scripts/**\"\n    instructions: Scripts run as root.\n",
                at: "1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5")
            let harness = try ModesIntegrationTests.commandHarness(
                "pull_request_review_comment.json", github, openAI, event: "pull_request_review_comment")
            #expect(await harness.perform().failure == nil)
            let system = openAI.calls.first?.messages.first { $0.role == "system" }?.content ?? ""
            #expect(system.contains("For files matching `scripts/**`:\nScripts run as root."))
        }
    }
}
