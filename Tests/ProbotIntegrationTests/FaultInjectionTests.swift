import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Synchronization
import Testing

/// One test per fault: each asserts what was posted, what the summary says, and the exit status.
/// Waits run on a mock clock, so rate limits of minutes cost nothing.
struct FaultInjectionTests {
    static let key = ActionRunTests.key
    static let headSHA = ActionRunTests.headSHA

    /// Fakes serving the sample PR, with the planted findings unless another script is given.
    static func scenario(
        inputs extra: [String: String] = [:], contextLimit: Int? = nil,
        script: @escaping @Sendable (FakeOpenAIServer.Call) -> FakeOpenAIServer.Answer = ActionRunTests.reviewingModel
    ) async throws -> (FakeGitHubServer, FakeOpenAIServer, ActionHarness) {
        let github = try await FakeGitHubServer.start()
        let openAI = try await FakeOpenAIServer.start(apiKey: key, contextLimitCharacters: contextLimit, script: script)
        github.addPullRequest(number: 42, headSHA: headSHA, files: try ActionRunTests.sampleFiles())
        let harness = try ActionHarness(
            eventName: "pull_request", event: try ActionRunTests.event(),
            inputs: ActionRunTests.inputs(github, openAI, extra),
            githubURL: github.baseURL)
        return (github, openAI, harness)
    }

    static let plantedInline = 6

    /// The sample files plus a text file large enough to need a request of its own at a 1,000-token budget.
    static func sampleWithBigFile() throws -> [(filename: String, status: String, patch: String?)] {
        let big =
            "@@ -0,0 +1,25 @@\n"
            + (1...25).map { "+Line \($0) of the release notes, with enough words to take tokens." }.joined(
                separator: "\n")
        return try ActionRunTests.sampleFiles() + [("notes/release.txt", "added", big)]
    }

    // MARK: GitHub

    @Test func githubPrimaryRateLimitWaitsUntilReset() async throws {
        let (github, openAI, harness) = try await Self.scenario()
        try await stopping(github, openAI) {
            let reset = Int(harness.clock.start.timeIntervalSince1970) + 120
            github.inject(
                "GET", "/files",
                replies: [
                    .json(
                        403, ["message": "API rate limit exceeded"],
                        headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"])
                ])
            let (status, report, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(harness.clock.sleeps == [.seconds(121)])
            #expect(github.reviews.count == 1)
            #expect(report?.placement.inline.count == Self.plantedInline)
            #expect(harness.log.contains { $0.contains("GitHub primary rate limit exhausted") })
        }
    }

    @Test func githubSecondaryLimitAndRetryAfterOnTheReviewPostPostOnce() async throws {
        let (github, openAI, harness) = try await Self.scenario()
        try await stopping(github, openAI) {
            github.inject(
                "POST", "/reviews",
                replies: [
                    .json(
                        403,
                        [
                            "message":
                                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
                        ]),
                    .json(429, ["message": "slow down"], headers: ["retry-after": "30"]),
                ])
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(harness.clock.sleeps == [.seconds(60), .seconds(30)])
            #expect(github.reviews.count == 1)
            #expect(github.comments.count == Self.plantedInline)
        }
    }

    @Test func aRateLimitBeyondMaxWaitFailsClearlyAndLosesNothing() async throws {
        let (github, openAI, harness) = try await Self.scenario(inputs: ["max-wait-seconds": "60"])
        try await stopping(github, openAI) {
            let reset = Int(harness.clock.start.timeIntervalSince1970) + 3_600
            github.inject(
                "POST", "/reviews",
                replies: [
                    .json(
                        403, ["message": "API rate limit exceeded"],
                        headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"])
                ])
            let (status, _, error) = await harness.runForExit()
            #expect(status == 1)
            #expect(String(describing: error).contains("over the `max-wait-seconds` cap"))
            #expect(github.reviews.isEmpty)
            // The findings the model returned are not lost: the job summary lists them.
            #expect(harness.summary.contains("SQL injection"))
            #expect(harness.summary.contains("[!CAUTION]"))
            #expect(harness.clock.sleeps.isEmpty)
        }
    }

    @Test func serverErrorsOnReadsAreRetriedWithBackoff() async throws {
        let (github, openAI, harness) = try await Self.scenario()
        try await stopping(github, openAI) {
            github.inject(
                "GET", "/pulls/42",
                replies: [.json(502, ["message": "Bad gateway"]), .json(503, ["message": "Unavailable"])])
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(harness.clock.sleeps.count == 2)
            #expect(harness.clock.sleeps[1] > harness.clock.sleeps[0])
            #expect(github.reviews.count == 1)
        }
    }

    @Test func aReviewCreatedBeforeA502IsNotPostedTwice() async throws {
        let (github, openAI, harness) = try await Self.scenario()
        try await stopping(github, openAI) {
            github.inject("POST", "/reviews", replies: [.json(502, ["message": "Bad gateway"])], afterWriting: true)
            let (status, report, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(github.reviews.count == 1)
            #expect(report?.review?.id == github.reviews[0].id)
        }
    }

    @Test func aReviewPostThatFailedWithA502IsPostedAgainOnce() async throws {
        let (github, openAI, harness) = try await Self.scenario()
        try await stopping(github, openAI) {
            github.inject("POST", "/reviews", replies: [.json(502, ["message": "Bad gateway"])])
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(github.reviews.count == 1)
            #expect(github.comments.count == Self.plantedInline)
        }
    }

    @Test func aReadOnlyTokenFallsBackToAnnotationsAndExitsZero() async throws {
        let (github, openAI, harness) = try await Self.scenario()
        try await stopping(github, openAI) {
            github.inject(
                "POST", "/reviews", replies: [.json(403, ["message": "Resource not accessible by integration"])])
            let (status, report, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(github.reviews.isEmpty)
            #expect(report?.publishBlocked == "Resource not accessible by integration")
            let annotations = harness.log.filter { $0.hasPrefix("::warning file=") }
            #expect(annotations.count == 9)
            #expect(
                annotations.first?.hasPrefix("::warning file=scripts/export_orders.py,line=7::[critical] SQL injection")
                    == true)
            #expect(harness.log.filter { $0.hasPrefix("::warning") }.count <= 10)
            #expect(harness.summary.contains("pull-requests: write"))
            #expect(harness.summary.contains("SQL injection"))
            #expect(harness.clock.sleeps.isEmpty)
            #expect(github.issueComments.isEmpty)
        }
    }

    // MARK: OpenAI

    @Test func openAIRateLimitsWaitForTheResetDurations() async throws {
        let calls = Counter()
        let (github, openAI, harness) = try await Self.scenario(inputs: ["max-wait-seconds": "600"]) { call in
            if calls.next() == 1 {
                return .error(
                    status: 429, code: "rate_limit_exceeded", message: "Rate limit reached for tokens",
                    headers: ["x-ratelimit-reset-requests": "2s", "x-ratelimit-reset-tokens": "6m0s"])
            }
            return ActionRunTests.reviewingModel(call)
        }
        try await stopping(github, openAI) {
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(harness.clock.sleeps == [.seconds(360)])
            #expect(github.comments.count == Self.plantedInline)
        }
    }

    @Test func insufficientQuotaIsNeverRetriedAndSaysSo() async throws {
        let (github, openAI, harness) = try await Self.scenario { _ in
            .error(
                status: 429, code: "insufficient_quota",
                message: "You exceeded your current quota, please check your plan and billing details.")
        }
        try await stopping(github, openAI) {
            let (status, _, error) = await harness.runForExit()
            #expect(status == 1)
            #expect(String(describing: error).contains("insufficient_quota"))
            #expect(String(describing: error).contains("out of credit"))
            #expect(harness.clock.sleeps.isEmpty)
            #expect(github.reviews.isEmpty)
            #expect(harness.summary.contains("insufficient_quota"))
        }
    }

    @Test func openAIServerErrorsAreRetried() async throws {
        let calls = Counter()
        let (github, openAI, harness) = try await Self.scenario { call in
            calls.next() <= 2
                ? .error(status: 503, code: nil, message: "The server is overloaded")
                : ActionRunTests.reviewingModel(call)
        }
        try await stopping(github, openAI) {
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(harness.clock.sleeps.count == 2)
            #expect(github.comments.count == Self.plantedInline)
        }
    }

    @Test func contextLengthExceededSplitsTheBatchUntilItFits() async throws {
        // The three sample files (about 4,100 characters of prompt) fit one planned request, but this "model"
        // takes 3,300: the batch is split, and each half (at most about 3,200) fits.
        let (github, openAI, harness) = try await Self.scenario(contextLimit: 3_300)
        try await stopping(github, openAI) {
            let (status, report, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(openAI.rejections.contains { $0.contains("maximum context length") })
            #expect((report?.outcomes.count ?? 0) >= 2)
            #expect(report?.outcomes.allSatisfy { $0.review != nil } == true)
            #expect(report?.outcomes.map(\.batch.label).allSatisfy { $0.hasPrefix("1.") } == true)
            #expect(github.comments.count == Self.plantedInline)
            #expect(
                Set(openAI.calls.flatMap(\.filePaths)) == [
                    "Sources/Cart/Checkout.swift", "scripts/export_orders.py", "docs/setup.md",
                ])
        }
    }

    @Test func truncatedAndUnparsableAnswersGetOneSmallerRetry() async throws {
        for bad in [
            FakeOpenAIServer.Answer.truncated(#"{"summary":"Coupons and"#),
            .content("Sure! Here are my thoughts: looks fine."),
        ] {
            let calls = Counter()
            let (github, openAI, harness) = try await Self.scenario { call in
                calls.next() == 1 ? bad : ActionRunTests.reviewingModel(call)
            }
            try await stopping(github, openAI) {
                let (status, report, _) = await harness.runForExit()
                #expect(status == 0)
                // The failed one and its two halves. The plan had one request, so no summary request runs beside
                // it (one after the retry would be a serial round): the halves' own summaries are shown.
                #expect(openAI.calls.count == 3)
                #expect(openAI.calls.allSatisfy { $0.responseFormatType != nil })
                #expect(report?.mergedSummary == nil)
                #expect(report?.outcomes.allSatisfy { $0.review != nil } == true)
                #expect(github.comments.count == Self.plantedInline)
            }
        }
    }

    @Test func aRefusalIsRecordedAndTheRestIsPosted() async throws {
        let (github, openAI, harness) = try await Self.scenario(inputs: ["max-prompt-tokens": "1000"]) { call in
            call.filePaths.contains("notes/release.txt")
                ? .refusal("I can't help with that.") : ActionRunTests.reviewingModel(call)
        }
        try await stopping(github, openAI) {
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: try Self.sampleWithBigFile())
            let (status, report, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(report?.failedOutcomes.count == 1)
            #expect(github.reviews.count == 1)
            #expect(github.reviews[0].body.contains("the model refused"))
            #expect(harness.log.contains { $0.hasPrefix("::warning::batch") && $0.contains("refused") })
            #expect(harness.summary.contains("notes/release.txt"))
            #expect(github.comments.count == Self.plantedInline)
            // The file that failed is remembered, so the next run reviews it again.
            let summaryComment = github.issueComments.first?.body ?? ""
            #expect(Markers.find(in: summaryComment).pendingPaths.contains("notes/release.txt"))
        }
    }

    @Test func failOnErrorFailsTheStepAfterPostingWhatWorked() async throws {
        let (github, openAI, harness) = try await Self.scenario(inputs: [
            "max-prompt-tokens": "1000", "fail-on-error": "true",
        ]) { call in
            call.filePaths.contains("notes/release.txt")
                ? .error(status: 400, code: "invalid_request_error", message: "bad request")
                : ActionRunTests.reviewingModel(call)
        }
        try await stopping(github, openAI) {
            github.addPullRequest(number: 42, headSHA: Self.headSHA, files: try Self.sampleWithBigFile())
            let (status, _, error) = await harness.runForExit()
            #expect(status == 1)
            guard case .partialFailure = error else {
                Issue.record("expected a partial failure, got \(String(describing: error))")
                return
            }
            #expect(String(describing: error).contains("notes/release.txt"))
            #expect(github.reviews.count == 1)
            #expect(github.comments.count == Self.plantedInline)
        }
    }

    // MARK: Limits

    @Test func moreThanThirtyCommentsArePostedInChunksOfThirty() async throws {
        let lines = (1...70).map { "+let value\($0) = \($0)" }.joined(separator: "\n")
        let (github, openAI, harness) = try await Self.scenario(inputs: ["max-comments": "100"]) { _ in
            let findings = (1...70).map { ActionRunTests.finding("Big.swift", $0, "major", "Magic number \($0)") }
            let data =
                (try? JSONSerialization.data(withJSONObject: ["summary": "Many numbers.", "findings": findings]))
                ?? Data()
            return .content(String(decoding: data, as: UTF8.self))
        }
        try await stopping(github, openAI) {
            github.addPullRequest(
                number: 42, headSHA: Self.headSHA, files: [("Big.swift", "added", "@@ -0,0 +1,70 @@\n" + lines)])
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(github.reviews.map(\.comments.count) == [30, 30, 10])
            #expect(github.reviews[1].body.contains("part 2 of 3"))
            #expect(github.comments.count == 70)
        }
    }

    @Test func modelTextCannotForgeMarkersOrMentionPeople() async throws {
        let (github, openAI, harness) = try await Self.scenario { _ in
            let finding: [String: Any] = [
                "path": "scripts/export_orders.py", "line": 7, "start_line": NSNull(), "side": "RIGHT",
                "severity": "major",
                "title": "Ping @octocat <!-- chatgpt-probot:fp=0000000000000000 -->",
                "body": "cc @admin, see <!-- chatgpt-probot:summary -->",
                "suggestion": NSNull(),
            ]
            let data =
                (try? JSONSerialization.data(withJSONObject: [
                    "summary": "@everyone <!-- chatgpt-probot:head=evil -->", "findings": [finding],
                ])) ?? Data()
            return .content(String(decoding: data, as: UTF8.self))
        }
        try await stopping(github, openAI) {
            _ = await harness.runForExit()
            let comment = try #require(github.comments.first)
            #expect(!comment.body.contains("@octocat"))
            #expect(!comment.body.contains("@admin"))
            #expect(!comment.body.contains("fp=0000000000000000"))
            #expect(Markers.find(in: comment.body).values("fp").count == 1)
            #expect(!github.reviews[0].body.contains("@everyone"))
            let summary = try #require(github.issueComments.first?.body)
            #expect(Markers.find(in: summary).values("head") == [Self.headSHA])
        }
    }

    @Test func anOversizedReviewBodyIsCutToGitHubsLimit() async throws {
        let (github, openAI, harness) = try await Self.scenario(inputs: ["max-comments": "0"]) { _ in
            let findings = (1...400).map { index -> [String: Any] in
                var finding = ActionRunTests.finding("scripts/export_orders.py", 7, "major", "Finding \(index)")
                finding["body"] = String(repeating: "A long explanation that goes on. ", count: 12)
                return finding
            }
            let data =
                (try? JSONSerialization.data(withJSONObject: ["summary": "Long.", "findings": findings])) ?? Data()
            return .content(String(decoding: data, as: UTF8.self))
        }
        try await stopping(github, openAI) {
            let (status, _, _) = await harness.runForExit()
            #expect(status == 0)
            #expect(github.reviews.count == 1)
            #expect(github.reviews[0].body.count <= 65_536)
            #expect(github.reviews[0].body.contains("cut to fit GitHub's size limit"))
            #expect(harness.summary.utf8.count < 1_048_576)
        }
    }
}

/// Counts calls across the fake server's threads.
final class Counter: Sendable {
    private let count = Mutex(0)

    /// The next number, from 1.
    func next() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
}
