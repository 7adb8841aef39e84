import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Synchronization
import Testing

/// An attacker who can make an API answer with a redirect (a hostile GitHub Enterprise proxy, a compromised model
/// gateway, a poisoned cache) tries to get the credentials sent to a server of their own: another loopback port,
/// or the same server under another host name. Their server records every request it sees.
struct CredentialLeakTests {
    static let token = "ghs_faketoken123"
    static let apiKey = "azure-key-0123456789"
    static let marked = "marked-secret-42"
    static let secrets = [token, apiKey, marked]

    /// A loopback server that records what it was sent and answers with `reply`.
    struct Collector: StoppableFake {
        let server: LoopbackServer
        private let seen: Recorded

        final class Recorded: Sendable {
            let requests = Mutex<[ReceivedRequest]>([])
        }

        static func start(
            _ reply: @escaping @Sendable (ReceivedRequest) -> Reply = { _ in .json(200, ["stolen": true]) }
        ) async throws -> Collector {
            let seen = Recorded()
            let server = try await LoopbackServer.start { request in
                seen.requests.withLock { $0.append(request) }
                return reply(request)
            }
            return Collector(server: server, seen: seen)
        }

        var requests: [ReceivedRequest] { seen.requests.withLock { $0 } }

        /// This server's URL for `path`, under `host` (127.0.0.1 or localhost: each name is an origin of its own).
        func url(_ path: String, host: String = "127.0.0.1") -> String {
            "http://\(host):\(server.baseURL.port ?? 0)\(path)"
        }

        /// Every header this server saw that carries one of ``CredentialLeakTests/secrets``.
        var leaks: [String] {
            requests.flatMap { request in
                request.headers.compactMap { name, value in
                    CredentialLeakTests.secrets.contains { value.contains($0) } ? "\(request.path) \(name)" : nil
                }
            }
        }

        func stop() async { await server.stop() }
    }

    /// A request with a bearer token, Azure's `api-key` and a header the request marks as a credential.
    static func credentialed(_ url: URL, method: String = "GET", body: Data? = nil) -> TransportRequest {
        TransportRequest(
            method: method, url: url,
            headers: [
                "Authorization": "Bearer \(token)", "api-key": apiKey, "X-Marked": marked, "Accept": "application/json",
            ],
            body: body, credentialHeaders: ["x-marked"])
    }

    static func send(_ request: TransportRequest) async throws -> TransportResponse {
        try await URLSessionTransport(timeout: 10).send(request)
    }

    @Test(arguments: [301, 302, 303, 307, 308], ["127.0.0.1", "localhost"])
    func aRedirectToAnotherOriginArrivesWithoutCredentials(status: Int, host: String) async throws {
        let attacker = try await Collector.start()
        let api = try await Collector.start { _ in
            Reply(status: status, headers: ["Location": attacker.url("/steal?from=api", host: host)])
        }
        let response = try await stopping(attacker, api) {
            try await Self.send(Self.credentialed(api.server.baseURL.appendingPathComponent("user")))
        }
        #expect(response.status == 200, "the redirect was followed, to the attacker")
        #expect(attacker.requests.map(\.path) == ["/steal"])
        #expect(attacker.leaks == [])
        #expect(attacker.requests.first?.headers["accept"] == "application/json", "other headers still go")
        #expect(api.requests.first?.headers["authorization"] == "Bearer \(Self.token)", "the API got the token")
    }

    @Test func aSameOriginRedirectKeepsTheCredentials() async throws {
        let api = try await Collector.start { request in
            request.path == "/moved" ? .json(200, ["ok": true]) : Reply(status: 301, headers: ["Location": "/moved"])
        }
        let response = try await stopping(api) {
            try await Self.send(Self.credentialed(api.server.baseURL.appendingPathComponent("old")))
        }
        #expect(response.status == 200)
        let landed = try #require(api.requests.last)
        #expect(landed.path == "/moved")
        #expect(landed.headers["authorization"] == "Bearer \(Self.token)")
        #expect(landed.headers["api-key"] == Self.apiKey)
    }

    @Test func aChainThatBouncesBackDoesNotGetTheCredentialsBack() async throws {
        // API → attacker → API again, hoping the token is added back for the API's origin on the last hop.
        let apiURL = Mutex("")
        let attacker = try await Collector.start { _ in
            Reply(status: 307, headers: ["Location": apiURL.withLock { $0 } + "/back"])
        }
        let api = try await Collector.start { request in
            request.path == "/back"
                ? .json(200, ["ok": true]) : Reply(status: 302, headers: ["Location": attacker.url("/bounce")])
        }
        apiURL.withLock { $0 = api.server.baseURL.absoluteString }
        let response = try await stopping(attacker, api) {
            try await Self.send(Self.credentialed(api.server.baseURL.appendingPathComponent("start")))
        }
        #expect(response.status == 200)
        #expect(attacker.leaks == [])
        let back = try #require(api.requests.last)
        #expect(back.path == "/back")
        #expect(back.headers["authorization"] == nil)
    }

    @Test func aBodyIsNotPostedToAnotherOrigin() async throws {
        let attacker = try await Collector.start()
        let model = try await Collector.start { _ in
            Reply(status: 307, headers: ["Location": attacker.url("/v1/chat/completions")])
        }
        let response = try await stopping(attacker, model) {
            try await Self.send(
                Self.credentialed(
                    model.server.baseURL.appendingPathComponent("v1/chat/completions"), method: "POST",
                    body: Data(#"{"messages":[{"role":"user","content":"private code"}]}"#.utf8)))
        }
        #expect(response.status == 307, "the redirect is the answer")
        #expect(attacker.requests.isEmpty)
    }

    @Test func aRedirectLoopEndsAfterTheLimit() async throws {
        let api = try await Collector.start { _ in Reply(status: 302, headers: ["Location": "/again"]) }
        let error = await #expect(throws: URLError.self) {
            try await stopping(api) { try await Self.send(Self.credentialed(api.server.baseURL)) }
        }
        #expect(error?.code == .httpTooManyRedirects)
        #expect(api.requests.count == HTTPRedirect.limit + 1)
    }

    // MARK: Through the action, against the fake GitHub

    /// A manual review of #42 (a dry run: GitHub alone is read).
    static func manualReview(_ github: FakeGitHubServer) throws -> ActionHarness {
        try ActionHarness(
            eventName: "workflow_dispatch", event: try Fixture.data("workflow_dispatch.json", in: .module),
            inputs: ActionRunTests.inputs(github, nil, ["dry-run": "true"]), githubURL: github.baseURL)
    }

    @Test func gitHubRedirectingThePullRequestDoesNotSendTheTokenAlong() async throws {
        let attacker = try await Collector.start()
        try await withFakeGitHub(alsoStopping: [attacker]) { github in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            github.inject(
                "GET", "/pulls/42", replies: [Reply(status: 302, headers: ["Location": attacker.url("/pulls/42")])])
            let outcome = try await Self.manualReview(github).perform()
            #expect(outcome.failure != nil, "the attacker's answer is not a pull request")
            #expect(attacker.requests.map(\.path) == ["/pulls/42"])
            #expect(attacker.leaks == [])
        }
    }

    @Test(arguments: ["127.0.0.1", "localhost"])
    func aNextPageOnAnotherOriginIsNeverRequested(host: String) async throws {
        let attacker = try await Collector.start()
        try await withFakeGitHub(alsoStopping: [attacker]) { github in
            github.addPullRequest(number: 42, headSHA: ActionRunTests.headSHA, files: try ActionRunTests.sampleFiles())
            let page: [[String: Any]] = [["filename": "a.swift", "status": "added", "additions": 1, "deletions": 0]]
            github.inject(
                "GET", "/files",
                replies: [
                    .json(
                        200, page,
                        headers: ["Link": "<\(attacker.url("/files?page=2", host: host))>; rel=\"next\""])
                ])
            let outcome = try await Self.manualReview(github).perform()
            #expect(attacker.requests.isEmpty, "the next page is not requested, with or without the token")
            let failure = try #require(outcome.failure)
            #expect(failure.description.contains("the next page is on http://\(host):"))
            #expect(failure.description.contains("it was not requested"))
            #expect(!failure.description.contains(Self.token))
        }
    }
}
