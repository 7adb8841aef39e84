import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The conversation after the first review: threads whose problem a push fixed are answered and resolved.
struct ThreadIntegrationTests {
    static let first = "1111111111111111111111111111111111111111"
    static let second = "2222222222222222222222222222222222222222"

    /// A new file whose lines 1…6 call `risky` or, once fixed, `safe`.
    static func file(fixed: Set<Int>) -> (filename: String, status: String, patch: String?) {
        let lines = (1...8).map {
            $0 <= 6 ? "a\($0) = \(fixed.contains($0) ? "safe" : "risky")(\($0))" : "b\($0) = \($0)"
        }
        return ("src/app.py", "added", "@@ -0,0 +1,8 @@\n" + lines.map { "+" + $0 }.joined(separator: "\n"))
    }

    /// The model flags every line that still calls `risky`.
    static func model(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        var findings: [[String: Any]] = []
        for line in call.userText.split(separator: "\n") where line.contains("risky(") {
            guard let number = Int(line.dropFirst().prefix { $0 != ":" }) else { continue }
            findings.append(ActionRunTests.finding("src/app.py", number, "major", "Risky call \(number)"))
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["summary": "ok", "findings": findings])) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 600, completionTokens: 80)
    }

    static func harness(_ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, action: String) throws -> ActionHarness
    {
        try ActionHarness(
            eventName: "pull_request", event: try ActionRunTests.event { $0["action"] = action },
            inputs: ActionRunTests.inputs(github, openAI), githubURL: github.baseURL)
    }

    /// Reviews the first head (six threads), then pushes a second head that fixes lines 2, 4 and 6.
    static func reviewThenPush(
        _ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, beforePush: () -> Void = {}
    ) async throws -> ActionHarness {
        github.addPullRequest(number: 42, headSHA: first, files: [file(fixed: [])])
        try await harness(github, openAI, action: "opened").run()
        #expect(github.comments.count == 6)
        beforePush()
        github.push(number: 42, headSHA: second, files: [file(fixed: [2, 4, 6])])
        github.setComparison(base: first, head: second, status: "ahead", files: ["src/app.py"])
        return try harness(github, openAI, action: "synchronize")
    }

    static func root(_ github: FakeGitHubServer, line: Int) -> Int {
        github.comments.first { $0.line == line }?.id ?? -1
    }

    @Test func aPushThatFixesLinesResolvesExactlyThoseThreadsOnce() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            var person = 0
            let second = try await Self.reviewThenPush(github, openAI) {
                // Someone disagreed on line 6: that conversation is left to people.
                person = github.addReply(root: Self.root(github, line: 6), body: "Why? The caller checks it.")
            }
            let report = try #require(try await second.run())
            let resolved = [2, 4].map { Self.root(github, line: $0) }
            #expect(github.resolvedThreads == Set(resolved))
            let answers = github.replies.filter { resolved.contains($0.root) }
            #expect(answers.count == 2, "one reply each")
            #expect(answers.allSatisfy { $0.body.hasPrefix("Addressed in `2222222`") })
            #expect(github.replies.count == 2, "nothing else is said")
            #expect(person > 0 && !github.resolvedThreads.contains(Self.root(github, line: 6)))
            #expect(github.reviews.count == 1, "no new review: every remaining finding was posted before")
            #expect(report.threads == ThreadCounts(opened: 0, resolved: 2, stillOpen: 4))
            let sticky = try #require(github.issueComments.first?.body)
            #expect(sticky.contains("| Review threads | 0 opened · 2 resolved as addressed · 4 still open |"))
            #expect(second.summary.contains("| Review threads | 0 opened · 2 resolved as addressed · 4 still open |"))

            // A re-run on the same head resolves nothing more and says nothing more.
            try await Self.harness(github, openAI, action: "synchronize").run()
            #expect(github.resolvedThreads == Set(resolved))
            #expect(github.replies.count == 2)
        }
    }

    @Test func aPersonsReplyThatSaysFixedLetsTheThreadBeResolved() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            let second = try await Self.reviewThenPush(github, openAI) {
                github.addReply(root: Self.root(github, line: 6), body: "Fixed in the next commit, thanks.")
            }
            _ = try await second.run()
            #expect(github.resolvedThreads.contains(Self.root(github, line: 6)))
        }
    }

    @Test func aTokenThatCannotResolveIsAWarningNotAFailure() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            let second = try await Self.reviewThenPush(github, openAI) { github.forbidResolvingThreads() }
            let (status, report, _) = await second.runForExit()
            #expect(status == 0)
            #expect(github.resolvedThreads.isEmpty)
            #expect(github.replies.isEmpty, "no 'addressed' reply without the resolve")
            #expect(
                report?.diagnostics.contains { $0.message.contains("did not let this token resolve review threads") }
                    == true)
            #expect(second.log.contains { $0.hasPrefix("::warning::") && $0.contains("resolve review threads") })
        }
    }

    @Test func resolveFixedFalseLeavesThreadsAlone() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            var second = try await Self.reviewThenPush(github, openAI)
            second.environment[ActionEnvironment.variableName(forInput: "resolve-fixed")] = "false"
            _ = try await second.run()
            #expect(github.resolvedThreads.isEmpty)
            #expect(
                !github.requests.contains {
                    $0.path == "/graphql" && String(decoding: $0.body, as: UTF8.self).contains("reviewThreads")
                })
        }
    }
}
