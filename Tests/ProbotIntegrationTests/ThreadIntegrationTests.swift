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

    /// With verify-fixes the model decides: here it says only line 2's thread is fixed.
    static func verifyingModel(_ call: FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        guard call.messages.first?.content.contains("You check whether code changes fixed problems") == true else {
            return model(call)
        }
        let blocks = call.userText.components(separatedBy: "## Thread ").dropFirst()
        let results = blocks.map { block -> [String: Any] in
            ["id": String(block.prefix { $0 != " " }), "fixed": block.contains("Risky call 2**")]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["results": results])) ?? Data()
        return .content(String(decoding: data, as: UTF8.self), promptTokens: 300, completionTokens: 20)
    }

    @Test func verifyFixesResolvesOnlyWhatTheModelConfirms() async throws {
        try await withFakes(script: Self.verifyingModel) { github, openAI in
            var second = try await Self.reviewThenPush(github, openAI)
            second.environment[ActionEnvironment.variableName(forInput: "verify-fixes")] = "true"
            let report = try #require(try await second.run())
            #expect(github.resolvedThreads == [Self.root(github, line: 2)])
            #expect(
                openAI.calls.contains { $0.messages.first?.content.contains("You check whether code changes") == true })
            #expect(report.verifyUsage.promptTokens == 300)
        }
    }

    @Test func resolveFixedFalseLeavesThreadsAlone() async throws {
        try await withFakes(script: Self.model) { github, openAI in
            var second = try await Self.reviewThenPush(github, openAI)
            second.environment[ActionEnvironment.variableName(forInput: "resolve-fixed")] = "false"
            // With `learn` on, the ledger reads the threads (and only reads them); off here, no thread is read.
            second.environment[ActionEnvironment.variableName(forInput: "learn")] = "false"
            _ = try await second.run()
            #expect(github.resolvedThreads.isEmpty)
            #expect(
                !github.requests.contains {
                    $0.path == "/graphql" && String(decoding: $0.body, as: UTF8.self).contains("reviewThreads")
                })
        }
    }
}

/// Replies in this action's threads are answered without a command.
struct ThreadReplyIntegrationTests {
    /// Review calls answer with the risky-line findings; thread replies answer with `answer`.
    static func model(conceding: Bool) -> @Sendable (FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer {
        { call in
            guard call.messages.first?.content.contains("Someone replied to your finding") == true else {
                return ThreadIntegrationTests.model(call)
            }
            let answer: [String: Any] = [
                "reply": conceding
                    ? "You are right, the caller validates it." : "It can still be called with user input.",
                "concede": conceding,
            ]
            let data = (try? JSONSerialization.data(withJSONObject: answer)) ?? Data()
            return .content(String(decoding: data, as: UTF8.self), promptTokens: 400, completionTokens: 30)
        }
    }

    /// A `pull_request_review_comment` event for comment `id` replying in the thread of `root`.
    static func replyEvent(id: Int, root: Int, body: String, userType: String = "User") throws -> Data {
        var event = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("pull_request_review_comment.json", in: .module))
                as? [String: Any])
        var comment = try #require(event["comment"] as? [String: Any])
        comment["id"] = id
        comment["in_reply_to_id"] = root
        comment["body"] = body
        comment["path"] = "src/app.py"
        comment["line"] = 2
        comment["diff_hunk"] = "@@ -0,0 +1,2 @@\n+a1 = risky(1)\n+a2 = risky(2)"
        comment["user"] = ["login": userType == "Bot" ? "other-app[bot]" : "octo", "id": 9, "type": userType]
        event["comment"] = comment
        event["sender"] = comment["user"]
        return try JSONSerialization.data(withJSONObject: event)
    }

    static func firstReview(_ github: FakeGitHubServer, _ openAI: FakeOpenAIServer) async throws -> Int {
        github.addPullRequest(
            number: 42, headSHA: ActionRunTests.headSHA, files: [ThreadIntegrationTests.file(fixed: [])])
        try await ThreadIntegrationTests.harness(github, openAI, action: "opened").run()
        return ThreadIntegrationTests.root(github, line: 2)
    }

    static func harness(_ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, event: Data) throws -> ActionHarness {
        try ActionHarness(
            eventName: "pull_request_review_comment", event: event, inputs: ActionRunTests.inputs(github, openAI),
            githubURL: github.baseURL)
    }

    @Test func aPersonsReplyGetsExactlyOneAnswer() async throws {
        try await withFakes(script: Self.model(conceding: false)) { github, openAI in
            let root = try await Self.firstReview(github, openAI)
            let question = github.addReply(root: root, body: "Why is this a problem? The caller validates it.")
            let event = try Self.replyEvent(
                id: question, root: root, body: "Why is this a problem? The caller validates it.")
            #expect(try await Self.harness(github, openAI, event: event).perform().failure == nil)
            let answers = github.replies.filter { $0.root == root }
            #expect(answers.count == 1)
            #expect(answers.first?.body.hasPrefix("@octo It can still be called with user input.") == true)
            #expect(github.reactions.contains("pulls:\(question):eyes"))
            let prompt = try #require(openAI.calls.last?.userText)
            #expect(prompt.contains("@octo: Why is this a problem?"))
            #expect(prompt.contains("you: 🟠 **Risky call 2**"))
            #expect(github.resolvedThreads.isEmpty, "no concession, no resolve")
            // The same event again (a re-run): answered already, so nothing more.
            #expect(try await Self.harness(github, openAI, event: event).perform().failure == nil)
            #expect(github.replies.filter { $0.root == root }.count == 1)
        }
    }

    @Test func aConcessionResolvesTheThread() async throws {
        try await withFakes(script: Self.model(conceding: true)) { github, openAI in
            let root = try await Self.firstReview(github, openAI)
            let question = github.addReply(root: root, body: "The caller validates it.")
            let event = try Self.replyEvent(id: question, root: root, body: "The caller validates it.")
            #expect(try await Self.harness(github, openAI, event: event).perform().failure == nil)
            #expect(github.resolvedThreads == [root])
        }
    }

    @Test func repliesByBotsOrByTheActionItselfGetNoAnswer() async throws {
        try await withFakes(script: Self.model(conceding: false)) { github, openAI in
            let root = try await Self.firstReview(github, openAI)
            let calls = openAI.calls.count
            let bot = github.addReply(root: root, body: "Automated note.", author: "other-app[bot]", isBot: true)
            let botEvent = try Self.replyEvent(id: bot, root: root, body: "Automated note.", userType: "Bot")
            #expect(try await Self.harness(github, openAI, event: botEvent).perform().failure == nil)
            // The action's own reply (as with a personal token, which GitHub shows as a user).
            let own = try await github.reply(root: root, asAction: "Addressed earlier.")
            let ownEvent = try Self.replyEvent(id: own, root: root, body: "Addressed earlier.")
            #expect(try await Self.harness(github, openAI, event: ownEvent).perform().failure == nil)
            #expect(openAI.calls.count == calls)
            #expect(github.replies.filter { $0.root == root }.count == 1, "only the action's own reply")
        }
    }

    @Test func aReplyOutsideTheActionsThreadsIsIgnored() async throws {
        try await withFakes(script: Self.model(conceding: false)) { github, openAI in
            _ = try await Self.firstReview(github, openAI)
            let calls = openAI.calls.count
            let event = try Self.replyEvent(id: 990_001, root: 990_000, body: "What about this?")
            let outcome = try await Self.harness(github, openAI, event: event).perform()
            #expect(outcome.failure == nil)
            #expect(openAI.calls.count == calls)
        }
    }

    @Test func replyInThreadsFalseLeavesRepliesAlone() async throws {
        try await withFakes(script: Self.model(conceding: false)) { github, openAI in
            let root = try await Self.firstReview(github, openAI)
            let question = github.addReply(root: root, body: "Why?")
            var harness = try Self.harness(
                github, openAI, event: try Self.replyEvent(id: question, root: root, body: "Why?"))
            harness.environment[ActionEnvironment.variableName(forInput: "reply-in-threads")] = "false"
            #expect(await harness.perform().failure == nil)
            #expect(github.replies.isEmpty)
        }
    }
}
