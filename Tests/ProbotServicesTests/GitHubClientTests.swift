import Foundation
import Logging
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

struct GitHubClientTests {
    private func client(_ transport: StubTransport, base: String = "https://ghe.example.com/api/v3") -> GitHubClient {
        GitHubClient(
            baseURL: URL(string: base)!, token: "ghs_token", transport: transport, logger: Logger(label: "test"))
    }

    @Test func sendsGitHubsHeadersToTheConfiguredBase() async throws {
        let transport = StubTransport { _ in
            StubTransport.json(
                200,
                #"{"number":1,"state":"open","title":"t","head":{"sha":"h","ref":"f","repo":null},"base":{"sha":"b","ref":"main","repo":null}}"#
            )
        }
        let service = GitHubPullRequestService(client: client(transport))
        let pr = try await service.pullRequest(PullRequestRef(owner: "o", repo: "r", number: 1))
        #expect(pr.head.sha == "h")
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://ghe.example.com/api/v3/repos/o/r/pulls/1")
        #expect(request.headers["Accept"] == "application/vnd.github+json")
        #expect(request.headers["Authorization"] == "Bearer ghs_token")
        #expect(request.headers["X-GitHub-Api-Version"] == "2022-11-28")
    }

    @Test func followsLinkHeadersToTheLastPage() async throws {
        let transport = StubTransport { request in
            let page = request.url.query?.contains("page=2") == true ? 2 : 1
            let files =
                page == 1
                ? #"[{"filename":"a","status":"added","additions":1,"deletions":0,"patch":"@@ -0,0 +1 @@\n+a"}]"#
                : #"[{"filename":"b.png","status":"added","additions":0,"deletions":0}]"#
            let link =
                page == 1
                ? [
                    "Link":
                        #"<https://ghe.example.com/api/v3/repositories/9/pulls/1/files?per_page=100&page=2>; rel="next", <https://ghe.example.com/api/v3/repositories/9/pulls/1/files?per_page=100&page=2>; rel="last""#
                ] : [:]
            return StubTransport.json(200, files, headers: link)
        }
        let files = try await GitHubPullRequestService(client: client(transport)).changedFiles(
            PullRequestRef(owner: "o", repo: "r", number: 1))
        #expect(files.map(\.filename) == ["a", "b.png"])
        #expect(files[1].patch == nil)
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                "https://ghe.example.com/api/v3/repos/o/r/pulls/1/files?per_page=100",
                "https://ghe.example.com/api/v3/repositories/9/pulls/1/files?per_page=100&page=2",
            ])
    }

    @Test(arguments: [
        "https://evil.example/api/v3/repositories/9/pulls/1/files?page=2",
        "http://ghe.example.com/api/v3/repositories/9/pulls/1/files?page=2",
        "https://ghe.example.com:8443/api/v3/repositories/9/pulls/1/files?page=2",
        "/api/v3/repositories/9/pulls/1/files?page=2",
    ])
    func aNextPageOnAnotherOriginIsNeverRequested(next: String) async throws {
        let transport = StubTransport { _ in
            StubTransport.json(
                200, #"[{"filename":"a","status":"added","additions":1,"deletions":0}]"#,
                headers: ["Link": "<\(next)>; rel=\"next\""])
        }
        let error = await #expect(throws: ForeignPageLink.self) {
            try await GitHubPullRequestService(client: client(transport)).changedFiles(
                PullRequestRef(owner: "o", repo: "r", number: 1))
        }
        #expect(transport.requests.count == 1, "only the first page, on the API's origin")
        #expect(error?.apiOrigin?.description == "https://ghe.example.com")
        #expect(error?.description.contains("it was not requested") == true)
    }

    @Test func linkHeaderParsing() {
        #expect(
            LinkHeader.next(#"<https://x/2>; rel="next", <https://x/5>; rel="last""#)?.absoluteString == "https://x/2")
        #expect(LinkHeader.next(#"<https://x/1>; rel="prev", <https://x/1>; rel="first""#) == nil)
        #expect(LinkHeader.next(nil) == nil)
    }

    @Test func reviewBodyUsesLineAndSideNeverPosition() throws {
        let finding = Finding(path: "a.swift", line: 5, startLine: 3, severity: .major, title: "t", body: "b")
        let draft = ReviewDraft(
            commitID: "head", body: "body",
            comments: [
                InlineComment(finding: finding, path: "a.swift", line: 5, side: .right, startLine: 3, body: "c1"),
                InlineComment(finding: finding, path: "b.swift", line: 9, side: .left, startLine: nil, body: "c2"),
            ])
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(ReviewRequestBody(draft))) as? [String: Any])
        #expect(json["commit_id"] as? String == "head")
        #expect(json["event"] as? String == "COMMENT")
        let comments = try #require(json["comments"] as? [[String: Any]])
        #expect(comments[0]["start_line"] as? Int == 3)
        #expect(comments[0]["start_side"] as? String == "RIGHT")
        #expect(comments[1]["side"] as? String == "LEFT")
        #expect(comments[1]["start_line"] == nil)
        #expect(comments.allSatisfy { $0["position"] == nil })
    }

    @Test func a422WithStringErrorsBecomesARejection() async throws {
        let transport = StubTransport { _ in
            StubTransport.json(
                422,
                #"{"message":"Unprocessable Entity","errors":["Pull request review thread line must be part of the diff"],"status":"422"}"#
            )
        }
        let service = GitHubPullRequestService(client: client(transport))
        await #expect(
            throws: PublishError.rejected([
                "Unprocessable Entity", "Pull request review thread line must be part of the diff",
            ])
        ) {
            try await service.publish(
                ReviewDraft(commitID: "h", body: "b", comments: []),
                to: PullRequestRef(owner: "o", repo: "r", number: 1))
        }
    }

    @Test func objectErrorsAndHintsAreReadable() {
        let objectShape = GitHubAPIError(
            operation: "create label",
            response: StubTransport.json(
                422,
                #"{"message":"Validation Failed","errors":[{"resource":"Label","code":"invalid","field":"color"}]}"#))
        #expect(
            objectShape.description == "GitHub create label failed with 422: Validation Failed (Label color invalid)")
        let readOnly = GitHubAPIError(
            operation: "create review",
            response: StubTransport.json(403, #"{"message":"Resource not accessible by integration"}"#))
        #expect(readOnly.description.contains("pull-requests: write"))
        let html = GitHubAPIError(
            operation: "get", response: TransportResponse(status: 502, body: Data("<html>Bad gateway</html>".utf8)))
        #expect(html.description.contains("502: <html>Bad gateway</html>"))
    }
}
