import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// One summary of the whole pull request and a walkthrough, end to end.
struct WalkthroughIntegrationTests {
    /// Review requests answer with a part summary and a line per file; the summary request answers in prose.
    static func model(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        guard call.responseFormatType != nil else {
            return .content("Adds coupons to checkout and an order export; check the SQL in the export first.")
        }
        let files = call.filePaths.map { ["path": $0, "change": "Changes \($0.split(separator: "/").last ?? "")"] }
        let json: [String: Any] = [
            "summary": "Part summary of \(call.filePaths.count) file(s).", "files": files, "findings": [],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 700, completionTokens: 60)
    }

    static func harness(_ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, _ extra: [String: String]) throws
        -> ActionHarness
    {
        try ActionHarness(
            eventName: "pull_request", event: try ActionRunTests.event(),
            inputs: ActionRunTests.inputs(github, openAI, extra), githubURL: github.baseURL)
    }

    @Test func severalRequestsGetOneMergedSummaryAndAWalkthrough() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            let files = ["a", "b", "c", "d"].map { ConfigIntegrationTests.file("Sources/\($0).swift") }
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: files)
            let harness = try Self.harness(github, openAI, ["max-prompt-tokens": "1000"])
            let report = try #require(try await harness.run())
            let reviewCalls = openAI.calls.filter { $0.responseFormatType != nil }
            let mergeCalls = openAI.calls.filter { $0.responseFormatType == nil }
            #expect(reviewCalls.count >= 2)
            #expect(mergeCalls.count == 1)
            // The summary starts beside the reviews: it is given the change itself, fenced, never their answers.
            let summaryPrompt = try #require(mergeCalls.first?.userText)
            #expect(!summaryPrompt.contains("Part summary of"))
            #expect(summaryPrompt.contains("\(UntrustedFence.run.open)\nFiles (status, lines added and deleted):"))
            for name in ["a", "b", "c", "d"] { #expect(summaryPrompt.contains("- Sources/\(name).swift (")) }
            #expect(report.mergedSummary?.hasPrefix("Adds coupons") == true)
            #expect(try harness.outputs["model-requests"] == String(reviewCalls.count + 1))
            let sticky = try #require(github.issueComments.first?.body)
            #expect(sticky.contains("Adds coupons to checkout"))
            #expect(!sticky.contains("Part summary of"))
            #expect(sticky.contains("| `Sources/a.swift` | Changes a.swift | 0 |"))
            #expect(github.reviews.first?.body.contains("### Walkthrough") == true)
            #expect(harness.summary.contains("### Files"))
        }
    }

    @Test func aFailedSummaryRequestLosesOnlyTheSummary() async throws {
        let script: @Sendable (FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer = { call in
            guard call.responseFormatType != nil else {
                return .error(status: 400, code: "invalid_request_error", message: "summary rejected")
            }
            return Self.model(call)
        }
        try await withFakes(script: script) { github, openAI in
            let files = ["a", "b", "c", "d"].map { ConfigIntegrationTests.file("Sources/\($0).swift") }
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: files)
            let harness = try Self.harness(github, openAI, ["max-prompt-tokens": "1000"])
            let report = try #require(try await harness.run())
            #expect(openAI.calls.count { $0.responseFormatType == nil } == 1)
            #expect(report.mergedSummary == nil)
            #expect(report.failure == nil)
            #expect(github.reviews.count == 1, "the review is posted")
            #expect(github.issueComments.first?.body.contains("Part summary of") == true, "the parts' summaries")
            #expect(report.diagnostics.contains { $0.message.contains("summary of the whole pull request") })
        }
    }

    @Test func oneRequestNeedsNoMergeCall() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            let harness = try Self.harness(github, openAI, [:])
            let report = try #require(try await harness.run())
            #expect(openAI.calls.count == 1)
            #expect(report.mergedSummary == nil)
            #expect(github.issueComments.first?.body.contains("Part summary of") == true)
        }
    }

    @Test func describeWritesTheWalkthroughIntoTheDescriptionAndUpdatesItInPlace() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            github.addPullRequest(
                number: 42, body: "Fixes #7 — please look at the export.", headSHA: ActionRunTests.headSHA,
                files: try ActionRunTests.sampleFiles())
            try await Self.harness(github, openAI, ["describe": "true"]).run()
            let first = try #require(github.pullRequestBody(42))
            #expect(first.hasPrefix("Fixes #7 — please look at the export.\n\n" + DescriptionRenderer.start))
            #expect(first.contains("### 🤖 ChatGPT Probot walkthrough"))
            // A new commit: the block is replaced, the author's text stays, nothing is duplicated.
            github.push(
                number: 42, headSHA: "b7e3d5c6a8b0f1e2d3c4b5a69786756459f4c2a1", files: try ActionRunTests.sampleFiles()
            )
            github.setComparison(
                base: ActionRunTests.headSHA, head: "b7e3d5c6a8b0f1e2d3c4b5a69786756459f4c2a1", status: "ahead",
                files: ["scripts/export_orders.py"])
            try await Self.harness(github, openAI, ["describe": "true"]).run()
            let second = try #require(github.pullRequestBody(42))
            #expect(second.components(separatedBy: DescriptionRenderer.start).count == 2)
            #expect(second.hasPrefix("Fixes #7 — please look at the export."))
        }
    }

    @Test func withoutDescribeTheDescriptionIsNeverTouched() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            github.addPullRequest(
                number: 42, body: "Author text.", headSHA: ActionRunTests.headSHA,
                files: try ActionRunTests.sampleFiles())
            try await Self.harness(github, openAI, [:]).run()
            #expect(github.pullRequestBody(42) == "Author text.")
            #expect(!github.requests.contains { $0.method == "PATCH" && $0.path.hasSuffix("/pulls/42") })
        }
    }
}
