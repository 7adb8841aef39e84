import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// End to end: a finding about code that exists nowhere never reaches GitHub; it is listed in the job summary
/// and counted in the outputs, while a finding about real code is posted inline as before.
struct ClaimCheckIntegrationTests {
    static let invented = "ensureTotalsInvariant()"

    static func finding(_ line: Int, _ severity: String, _ title: String, identifiers: [String]) -> [String: Any] {
        var finding = ActionRunTests.finding("Sources/Cart/Checkout.swift", line, severity, title)
        finding["identifiers"] = identifiers
        return finding
    }

    /// One finding on real code (names from the diff), one on a helper the diff never shows.
    static var answer: [String: Any] {
        [
            "summary": "Totals now use Double.",
            "files": [["path": "Sources/Cart/Checkout.swift", "change": "Totals in Double."]],
            "findings": [
                finding(15, "major", "Money as Double", identifiers: ["total()", "item.price", "NSNumber"]),
                finding(16, "critical", "Invariant result ignored", identifiers: ["sum", invented]),
            ],
        ]
    }

    static func model(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        let findings =
            call.filePaths.contains("Sources/Cart/Checkout.swift") ? answer : ["summary": "", "findings": []]
        let data = (try? JSONSerialization.data(withJSONObject: findings)) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 1_000, completionTokens: 200)
    }

    @Test func theScriptedAnswerIsOneTheStrictSchemaAllows() throws {
        let data = try JSONSerialization.data(withJSONObject: Self.answer)
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(StrictSchemaValidator.problems(value, against: ReviewSchema.schema) == [])
    }

    @Test func anInventedIdentifierNeverReachesGitHubAndIsListedAndCounted() async throws {
        try await withFakes(apiKey: ActionRunTests.key, script: Self.model) { github, openAI in
            github.addPullRequest(
                number: 42, title: "Checkout: totals", headSHA: ActionRunTests.headSHA,
                files: try ActionRunTests.sampleFiles())
            let harness = try ActionHarness(
                eventName: "pull_request", event: try ActionRunTests.event(),
                inputs: ActionRunTests.inputs(github, openAI), githubURL: github.baseURL)
            let report = try #require(try await harness.run())
            #expect(openAI.rejections.isEmpty, "\(openAI.rejections)")
            #expect(openAI.calls.allSatisfy { $0.messages.first?.content.contains("In `identifiers`") == true })

            // The real finding is inline; the invented one is nowhere on GitHub.
            #expect(github.rejections.isEmpty, "\(github.rejections)")
            let review = try #require(github.reviews.first)
            #expect(review.comments.map { "\($0.path):\($0.line)" } == ["Sources/Cart/Checkout.swift:15"])
            for request in github.requests {
                let body = String(decoding: request.body, as: UTF8.self)
                #expect(!body.contains("ensureTotalsInvariant"), "\(request.method) \(request.path)")
                #expect(!body.contains("Invariant result ignored"), "\(request.method) \(request.path)")
            }
            // The review body and the sticky summary count it, without a word of it.
            #expect(review.body.contains("1 held back (cited code not found)"))
            let sticky = try #require(github.issueComments.last?.body)
            #expect(
                sticky.contains("| Not posted: cited code not found | 1 (listed in the job summary as unverified) |"))

            // Listed in the job summary with the name it cited, counted in the outputs.
            let summary = harness.summary
            #expect(summary.contains("### Unverified findings"))
            #expect(
                summary.contains(
                    "| 🔴 critical | `Sources/Cart/Checkout.swift` | 16 | Invariant result ignored | `ensureTotalsInvariant()` |"
                ), "\(summary)")
            let outputs = try harness.outputs
            #expect(outputs["unverified-findings"] == "1")
            #expect(outputs["findings"] == "1")
            #expect(outputs["comments"] == "1")
            #expect(report.placement.unverified.map(\.missing) == [[Self.invented]])
        }
    }

    static func auditModel(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        var findings: [[String: Any]] = []
        if call.filePaths.contains("app/db.py") {
            var real = ActionRunTests.finding("app/db.py", 2, "critical", "SQL injection")
            real["identifiers"] = ["query", "name"]
            var invented = ActionRunTests.finding("app/db.py", 2, "major", "Sanitiser bypassed")
            invented["identifiers"] = ["sanitize_input()"]
            findings = [real, invented]
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["summary": "Audited.", "findings": findings])) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 800, completionTokens: 100)
    }

    @Test func anAuditLeavesUnverifiedFindingsOutOfSarifAndTheIssueAndListsThem() async throws {
        let repository = try ModesIntegrationTests.makeRepository()
        try await withFakes(script: Self.auditModel) { github, openAI in
            let harness = try ModesIntegrationTests.auditHarness(github, openAI, workspace: repository.url)
            let result = await harness.perform()
            let report = try #require(result.audit)
            #expect(report.findings.map(\.finding.title) == ["SQL injection"])
            #expect(report.unverified.map(\.missing) == [["sanitize_input()"]])

            let sarifPath = repository.url.appendingPathComponent("chatgpt-probot.sarif").path
            let sarif = try String(contentsOf: URL(fileURLWithPath: sarifPath), encoding: .utf8)
            #expect(sarif.contains("SQL injection") && !sarif.contains("Sanitiser bypassed"))
            let issue = try #require(github.trackedIssues.values.first)
            #expect(!issue.body.contains("Sanitiser bypassed") && !issue.body.contains("sanitize_input"))
            #expect(harness.summary.contains("### Unverified findings"))
            #expect(
                harness.summary.contains(
                    "| 🟠 major | `app/db.py` | 2 | Sanitiser bypassed | `sanitize_input()` |"), "\(harness.summary)")
            #expect(try harness.outputs["unverified-findings"] == "1")
            #expect(try harness.outputs["findings"] == "1")
        }
    }
}
