import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The code around each hunk, from each source the action reads it from.
struct ContextIntegrationTests {
    static let head = ActionRunTests.headSHA

    /// A Swift file whose change sits deep in a method, and its one-hunk patch.
    static let source =
        ([
            "import Foundation", "", "struct Checkout {", "    var items: [Item] = []", "",
            "    func total(coupon: Coupon?) -> Decimal {",
        ]
        + (1...20).map { "        let step\($0) = compute(\($0))" }
        + ["        return sum", "    }", "}"]).joined(separator: "\n")
    static let patch =
        "@@ -24,5 +24,5 @@\n         let step18 = compute(18)\n         let step19 = compute(19)\n-        let step20 = compute(20)\n+        let step20 = compute(21)\n         return sum\n     }"

    static func files() -> [(filename: String, status: String, patch: String?)] {
        [
            ("Sources/Checkout.swift", "modified", patch),
            ("Assets/logo.swift", "modified", "@@ -1 +1 @@\n-a\n+b"),
            ("Sources/Gone.swift", "modified", "@@ -1 +1 @@\n-a\n+b"),
        ]
    }

    /// A pull-request run. Agent instructions are off: their one GraphQL query at the base would be counted with
    /// the context's queries these tests are about (it has tests of its own).
    static func harness(_ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, _ extra: [String: String] = [:]) throws
        -> ActionHarness
    {
        try ActionHarness(
            eventName: "pull_request", event: try ActionRunTests.event(),
            inputs: ActionRunTests.inputs(github, openAI, ["agent-instructions": "false"].merging(extra) { $1 }),
            githubURL: github.baseURL)
    }

    static func quiet(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        .content(#"{"summary":"ok","findings":[]}"#, promptTokens: 500, completionTokens: 20)
    }

    /// The prompt shows the method's signature, marked as context, above the hunk.
    static func expectScope(_ openAI: FakeOpenAIServer) {
        let prompt = openAI.calls.map(\.userText).joined()
        #expect(prompt.contains("~6:     func total(coupon: Coupon?) -> Decimal {\n"))
        #expect(prompt.contains("~23:         let step17 = compute(17)\n"))
        #expect(!prompt.contains("~24:"), "a hunk line is never repeated as context")
    }

    @Test func graphQLReadsTheFilesAtTheHeadInOneQuery() async throws {
        try await withFakes(script: Self.quiet) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.head, files: Self.files())
            github.setFile("Sources/Checkout.swift", Self.source, at: Self.head)
            github.setFile("Assets/logo.swift", "GIF89a\u{0}\u{1}", at: Self.head)
            let harness = try Self.harness(github, openAI)
            let report = try #require(try await harness.run())
            Self.expectScope(openAI)
            #expect(github.requests.filter { $0.path == "/graphql" }.count == 1)
            #expect(!github.requests.contains { $0.path.contains("/git/blobs/") })
            #expect(
                report.contextGaps == [
                    ContextGap(path: "Assets/logo.swift", reason: "binary"),
                    ContextGap(path: "Sources/Gone.swift", reason: "missing at the head commit"),
                ])
            #expect(
                harness.summary.contains(
                    "| Context | 1 file(s) shown with the code around their hunks · 2 without (below) |"))
            #expect(harness.summary.contains("| `Assets/logo.swift` | binary |"))
        }
    }

    @Test func aFailedGraphQLQueryFallsBackToBlobs() async throws {
        try await withFakes(script: Self.quiet) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.head, files: Self.files())
            github.setFile("Sources/Checkout.swift", Self.source, at: Self.head)
            github.inject("POST", "/graphql", replies: [.json(502, ["message": "Bad gateway"])])
            let harness = try Self.harness(github, openAI, ["max-wait-seconds": "0"])
            let report = try #require(try await harness.run())
            Self.expectScope(openAI)
            #expect(github.requests.filter { $0.path.contains("/git/blobs/") }.count == 3)
            #expect(report.diagnostics.contains { $0.message.contains("reading their blobs instead") })
            #expect(github.reviews.count == 1, "a failed read never fails the review")
        }
    }

    @Test func aWorkspaceAtTheHeadNeedsNoAPICall() async throws {
        let workspace = try TemporaryDirectory()
        let git = workspace.url.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try "\(Self.head)\n".write(to: git.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: workspace.url.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try Self.source.write(
            to: workspace.url.appendingPathComponent("Sources/Checkout.swift"), atomically: true, encoding: .utf8)
        try await withFakes(script: Self.quiet) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.head, files: Self.files())
            var harness = try Self.harness(github, openAI)
            harness.environment["GITHUB_WORKSPACE"] = workspace.url.path
            let report = try #require(try await harness.run())
            Self.expectScope(openAI)
            #expect(!github.requests.contains { $0.path == "/graphql" || $0.path.contains("/git/blobs/") })
            #expect(report.contextGaps.map(\.reason) == ["missing in the workspace", "missing in the workspace"])
        }
    }

    @Test func aWorkspaceAtAnotherCommitIsNotTrusted() async throws {
        let workspace = try TemporaryDirectory()
        let git = workspace.url.appendingPathComponent(".git")
        try FileManager.default.createDirectory(
            at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: git.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
        try "mergecommitsha\n".write(
            to: git.appendingPathComponent("refs/heads/main"), atomically: true, encoding: .utf8)
        try await withFakes(script: Self.quiet) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.head, files: Self.files())
            github.setFile("Sources/Checkout.swift", Self.source, at: Self.head)
            var harness = try Self.harness(github, openAI)
            harness.environment["GITHUB_WORKSPACE"] = workspace.url.path
            _ = try await harness.run()
            Self.expectScope(openAI)
            #expect(github.requests.contains { $0.path == "/graphql" })
        }
    }

    @Test func contextLinesZeroTurnsContextOff() async throws {
        try await withFakes(script: Self.quiet) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.head, files: Self.files())
            github.setFile("Sources/Checkout.swift", Self.source, at: Self.head)
            let harness = try Self.harness(github, openAI, ["context-lines": "0"])
            _ = try await harness.run()
            #expect(!openAI.calls.map(\.userText).joined().contains("~6:"))
            #expect(!github.requests.contains { $0.path == "/graphql" })
        }
    }

    static func refactor(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer { .content("Extract a helper.") }

    /// `/refactor` in a review thread sees the commented hunk's enclosing method, read at the head commit.
    @Test func aThreadCommandSeesTheEnclosingScope() async throws {
        try await withFakes(script: Self.refactor) { github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.head, files: Self.files())
            github.setFile("Sources/Checkout.swift", Self.source, at: Self.head)
            var event = try #require(
                try JSONSerialization.jsonObject(
                    with: Fixture.data("pull_request_review_comment.json", in: .module)) as? [String: Any])
            var comment = try #require(event["comment"] as? [String: Any])
            comment["path"] = "Sources/Checkout.swift"
            comment["line"] = 27
            // GitHub's diff_hunk stops at the commented line, so it is shorter than its header says.
            comment["diff_hunk"] =
                "@@ -24,5 +24,5 @@\n         let step18 = compute(18)\n         let step19 = compute(19)\n-        let step20 = compute(20)\n+        let step20 = compute(21)"
            comment["body"] = "/refactor"
            event["comment"] = comment
            let harness = try ActionHarness(
                eventName: "pull_request_review_comment", event: try JSONSerialization.data(withJSONObject: event),
                inputs: ActionRunTests.inputs(github, openAI), githubURL: github.baseURL)
            #expect(await harness.perform().failure == nil)
            let prompt = try #require(openAI.calls.first?.userText)
            #expect(prompt.contains("~6:     func total(coupon: Coupon?) -> Decimal {"), "\(prompt)")
            #expect(prompt.contains("~23:         let step17 = compute(17)"))
            #expect(!prompt.contains("~24:"))
        }
    }
}
