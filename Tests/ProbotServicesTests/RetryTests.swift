import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Synchronization
import Testing

struct GoDurationTests {
    @Test(arguments: [
        ("20ms", Duration.milliseconds(20)), ("1s", .seconds(1)), ("6m0s", .seconds(360)),
        ("1h2m3.5s", .milliseconds(3_723_500)),
        ("0", .zero), ("1.5s", .milliseconds(1500)), ("250us", .milliseconds(1)),
    ])
    func parses(_ text: String, _ expected: Duration) {
        #expect(GoDuration.parse(text) == expected)
    }

    @Test func rejectsOtherSyntax() {
        #expect(GoDuration.parse("") == nil)
        #expect(GoDuration.parse("soon") == nil)
        #expect(GoDuration.parse("12") == nil)
        #expect(GoDuration.parse("3 days") == nil)
    }
}

struct RetryTests {
    static let get = TransportRequest(method: "GET", url: URL(string: "https://api.github.com/repos/o/r/pulls/1")!)
    static let post = TransportRequest(
        method: "POST", url: URL(string: "https://api.github.com/repos/o/r/pulls/1/reviews")!)

    /// Answers from a list, one per call, then 200.
    static func scripted(_ replies: [TransportResponse]) -> StubTransport {
        let queue = QueueBox(replies)
        return StubTransport { _ in queue.next() ?? TransportResponse(status: 200, body: Data("{}".utf8)) }
    }

    static func transport(
        _ base: StubTransport, clock: MockClock, classifier: any RetryClassifier = GitHubRetryClassifier(),
        maxWait: Duration = .seconds(300)
    ) -> RetryingTransport<MockClock> {
        RetryingTransport(
            base: base,
            policy: RetryPolicy(clock: clock, wallClock: { clock.wallClock() }, maxTotalWait: maxWait, random: { 0 }),
            classifier: classifier)
    }

    @Test func githubRetryAfterComesFirst() async throws {
        let clock = MockClock()
        let base = Self.scripted([
            TransportResponse(
                status: 403,
                headers: ["retry-after": "7", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1800009999"],
                body: Data(#"{"message":"API rate limit exceeded"}"#.utf8))
        ])
        let response = try await Self.transport(base, clock: clock).send(Self.get)
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test func githubPrimaryLimitWaitsUntilTheResetEpoch() async throws {
        let clock = MockClock()
        let reset = Int(clock.start.timeIntervalSince1970) + 42
        let base = Self.scripted([
            TransportResponse(status: 429, headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"])
        ])
        _ = try await Self.transport(base, clock: clock).send(Self.get)
        #expect(clock.sleeps == [.seconds(43)])
    }

    @Test func githubSecondaryLimitWaitsAMinuteThenBacksOff() async throws {
        let clock = MockClock()
        let secondary = TransportResponse(
            status: 403,
            body: Data(
                #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}"#
                    .utf8))
        let base = Self.scripted([secondary, secondary, TransportResponse(status: 502), TransportResponse(status: 503)])
        _ = try await Self.transport(base, clock: clock).send(Self.get)
        #expect(clock.sleeps == [.seconds(60), .seconds(60), .seconds(4), .seconds(8)])
        #expect(base.requests.count == 5)
    }

    @Test func aReadOnlyTokenIsNotRetried() async throws {
        let clock = MockClock()
        let base = Self.scripted([
            TransportResponse(status: 403, body: Data(#"{"message":"Resource not accessible by integration"}"#.utf8))
        ])
        let response = try await Self.transport(base, clock: clock).send(Self.post)
        #expect(response.status == 403)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func postsAreNotRetriedOnServerErrorsButAreOnRateLimits() async throws {
        let clock = MockClock()
        let failed = try await Self.transport(Self.scripted([TransportResponse(status: 502)]), clock: clock).send(
            Self.post)
        #expect(failed.status == 502)
        let limited = try await Self.transport(
            Self.scripted([TransportResponse(status: 429, headers: ["retry-after": "2"])]), clock: clock
        ).send(Self.post)
        #expect(limited.status == 200)
        #expect(clock.sleeps == [.seconds(2)])
    }

    @Test func theTotalWaitIsCappedWithAClearMessage() async throws {
        let clock = MockClock()
        let reset = Int(clock.start.timeIntervalSince1970) + 3600
        let base = Self.scripted([
            TransportResponse(status: 403, headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"])
        ])
        await #expect {
            try await Self.transport(base, clock: clock, maxWait: .seconds(300)).send(Self.get)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("primary rate limit") && text.contains("3601 s more, over the `max-wait-seconds` cap")
        }
        #expect(clock.sleeps.isEmpty)
    }

    @Test func transportErrorsAreRetriedForReads() async throws {
        let clock = MockClock()
        let attempts = QueueBox([true, true])
        let base = StubTransport { _ in
            if attempts.next() == true { throw URLError(.timedOut) }
            return TransportResponse(status: 200)
        }
        let response = try await Self.transport(base, clock: clock).send(Self.get)
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
    }

    @Test func openAIRateLimitsUseRetryAfterOrTheResetDurations() async throws {
        let clock = MockClock()
        let body = Data(
            #"{"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#
                .utf8)
        let base = Self.scripted([
            TransportResponse(
                status: 429, headers: ["x-ratelimit-reset-requests": "1s", "x-ratelimit-reset-tokens": "6m0s"],
                body: body),
            TransportResponse(status: 429, headers: ["retry-after": "3"], body: body),
            TransportResponse(status: 429, headers: ["retry-after-ms": "20"], body: body),
            TransportResponse(status: 500),
        ])
        _ = try await Self.transport(base, clock: clock, classifier: OpenAIRetryClassifier(), maxWait: .seconds(900))
            .send(Self.post)
        #expect(clock.sleeps == [.seconds(360), .seconds(3), .milliseconds(20), .seconds(8)])
    }

    @Test func openAIInsufficientQuotaIsNeverRetried() async throws {
        let clock = MockClock()
        let base = Self.scripted([
            TransportResponse(
                status: 429,
                body: Data(
                    #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#
                        .utf8))
        ])
        let response = try await Self.transport(base, clock: clock, classifier: OpenAIRetryClassifier()).send(Self.post)
        #expect(response.status == 429)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func backoffGrowsAndIsCappedWithJitter() {
        let policy = RetryPolicy(clock: MockClock(), maxDelay: .seconds(10), random: { 0.999 })
        #expect(policy.backoff(attempt: 1) > .milliseconds(1_400))
        #expect(policy.backoff(attempt: 1) < .milliseconds(1_500))
        #expect(policy.backoff(attempt: 10) < .seconds(15))
    }
}

/// A thread-safe queue of values handed out one per call.
final class QueueBox<T: Sendable>: Sendable {
    private let items: Mutex<[T]>
    init(_ items: [T]) { self.items = Mutex(items) }
    func next() -> T? { items.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
}

struct TokenPacerTests {
    /// A server with a 10,000 tokens-per-minute budget that reports what is left, like OpenAI's headers.
    final class MeteredServer: Sendable {
        let clock: MockClock
        private let used = Mutex<(tokens: Int, windowStart: Duration, limited: Int)>((0, .zero, 0))
        init(clock: MockClock) { self.clock = clock }
        var rateLimited: Int { used.withLock { $0.limited } }

        func send(_ request: TransportRequest) -> TransportResponse {
            let json = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any] ?? [:]
            let cost = (request.body?.count ?? 0) / 4 + (json["max_completion_tokens"] as? Int ?? 0)
            let now = clock.now.offset
            return used.withLock { state in
                if now - state.windowStart >= .seconds(60) { state = (0, now, state.limited) }
                let resetIn = .seconds(60) - (now - state.windowStart)
                let reset = "\(Int(Double(resetIn.components.seconds).rounded(.up)))s"
                guard state.tokens + cost <= 10_000 else {
                    state.limited += 1
                    return StubTransport.json(
                        429,
                        #"{"error":{"message":"Rate limit reached for tokens per min","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#,
                        headers: [
                            "x-ratelimit-remaining-tokens": "\(10_000 - state.tokens)",
                            "x-ratelimit-reset-tokens": reset,
                        ])
                }
                state.tokens += cost
                return StubTransport.json(
                    200, OpenAIClientTests.okBody,
                    headers: [
                        "x-ratelimit-remaining-tokens": "\(10_000 - state.tokens)", "x-ratelimit-reset-tokens": reset,
                    ])
            }
        }
    }

    @Test func pacesUnderATokensPerMinuteLimitWithoutA429() async throws {
        let clock = MockClock()
        let server = MeteredServer(clock: clock)
        let transport = StubTransport { server.send($0) }
        var request = OpenAIClientTests.request
        request.maxCompletionTokens = 3_000
        let client = OpenAIClient(
            endpoint: OpenAIClientTests.endpoint("https://api.openai.com/v1", key: "k"), transport: transport,
            pacer: TokenPacer(clock: clock))
        for _ in 0..<6 { _ = try await client.complete(request) }
        #expect(server.rateLimited == 0)
        #expect(transport.requests.count == 6)
        #expect(clock.slept >= .seconds(60), "six requests of over 3,000 tokens need a second minute")
        #expect(clock.sleeps.count >= 1)
    }

    @Test func withoutHeadersRequestsGoStraightThrough() async throws {
        let clock = MockClock()
        let client = OpenAIClient(
            endpoint: OpenAIClientTests.endpoint("https://api.openai.com/v1", key: "k"),
            transport: StubTransport { _ in StubTransport.json(200, OpenAIClientTests.okBody) },
            pacer: TokenPacer(clock: clock))
        for _ in 0..<5 { _ = try await client.complete(OpenAIClientTests.request) }
        #expect(clock.sleeps.isEmpty)
    }
}
