import Foundation
import ProbotServices
import Testing

/// What the transport sends after a redirect: credentials never cross to another origin.
struct HTTPRedirectTests {
    static let api = URL(string: "https://api.github.com/repos/o/r/pulls/1")!

    static func get(_ url: URL = api, headers: [String: String] = [:], marked: Set<String> = []) -> TransportRequest {
        TransportRequest(
            method: "GET", url: url,
            headers: ["Authorization": "Bearer ghs_secret", "Accept": "application/json"].merging(headers) { $1 },
            credentialHeaders: marked)
    }

    static func redirect(_ status: Int, to location: String) -> TransportResponse {
        TransportResponse(status: status, headers: ["Location": location])
    }

    @Test func originsCompareSchemeHostAndPort() throws {
        let origin = try #require(Origin(URL(string: "https://API.github.com/x")!))
        #expect(origin == Origin(URL(string: "https://api.github.com:443/y?z")!))
        #expect(origin.description == "https://api.github.com")
        #expect(origin != Origin(URL(string: "http://api.github.com/x")!))
        #expect(origin != Origin(URL(string: "https://api.github.com:8443/x")!))
        #expect(origin != Origin(URL(string: "https://api.github.com.evil.example/x")!))
        #expect(Origin(URL(string: "http://127.0.0.1:8080")!) != Origin(URL(string: "http://localhost:8080")!))
        #expect(Origin(URL(string: "/relative/path")!) == nil)
        #expect(Origin(URL(string: "http://127.0.0.1:8080")!)?.description == "http://127.0.0.1:8080")
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aSameOriginRedirectKeepsTheCredentials(status: Int) throws {
        let next = try #require(
            HTTPRedirect.next(after: Self.redirect(status, to: "/repositories/9/pulls/1"), to: Self.get()))
        #expect(next.url.absoluteString == "https://api.github.com/repositories/9/pulls/1")
        #expect(next.headers["Authorization"] == "Bearer ghs_secret")
    }

    @Test(arguments: [
        "https://evil.example/steal", "http://api.github.com/repos/o/r/pulls/1", "https://api.github.com:444/x",
        "//evil.example/protocol-relative", "HTTPS://EVIL.EXAMPLE/upper",
    ])
    func aRedirectToAnotherOriginDropsEveryCredential(location: String) throws {
        let request = Self.get(
            headers: [
                "api-key": "azure-secret", "PROXY-AUTHORIZATION": "Basic x", "Cookie": "s=1", "OpenAI-Project": "p",
                "x-custom-token": "t",
            ],
            marked: ["OpenAI-Project", "X-Custom-Token"])
        let next = try #require(HTTPRedirect.next(after: Self.redirect(302, to: location), to: request))
        #expect(Origin(next.url) != Origin(Self.api))
        #expect(next.headers.keys.sorted() == ["Accept"])
    }

    @Test func credentialsDroppedOnceStayDroppedWhenTheChainLeadsBack() throws {
        let away = try #require(
            HTTPRedirect.next(after: Self.redirect(302, to: "https://evil.example/bounce"), to: Self.get()))
        let back = try #require(
            HTTPRedirect.next(after: Self.redirect(302, to: Self.api.absoluteString), to: away))
        #expect(back.url == Self.api)
        #expect(back.headers["Authorization"] == nil)
    }

    @Test func aBodyIsNeverSentToAnotherOrigin() throws {
        let post = TransportRequest(
            method: "POST", url: URL(string: "https://api.openai.com/v1/chat/completions")!,
            headers: ["Authorization": "Bearer sk", "Content-Type": "application/json"], body: Data("{}".utf8))
        #expect(HTTPRedirect.next(after: Self.redirect(307, to: "https://evil.example/v1"), to: post) == nil)
        #expect(HTTPRedirect.next(after: Self.redirect(308, to: "https://evil.example/v1"), to: post) == nil)
        // Same origin: 307 keeps the method, the body and the key.
        let same = try #require(HTTPRedirect.next(after: Self.redirect(307, to: "/v2/chat/completions"), to: post))
        #expect(same.method == "POST")
        #expect(same.body == post.body)
        #expect(same.headers["Authorization"] == "Bearer sk")
        // 303 (and 302 after a POST) becomes a bodiless GET, which may go elsewhere without the key.
        let seeOther = try #require(HTTPRedirect.next(after: Self.redirect(303, to: "https://cdn.example/r"), to: post))
        #expect(seeOther.method == "GET")
        #expect(seeOther.body == nil)
        #expect(seeOther.headers.isEmpty)
    }

    @Test func whatIsNotARedirectToHTTPIsTheAnswer() {
        #expect(HTTPRedirect.next(after: TransportResponse(status: 200), to: Self.get()) == nil)
        #expect(HTTPRedirect.next(after: TransportResponse(status: 302), to: Self.get()) == nil)
        #expect(HTTPRedirect.next(after: Self.redirect(304, to: "/x"), to: Self.get()) == nil)
        #expect(HTTPRedirect.next(after: Self.redirect(302, to: "file:///etc/passwd"), to: Self.get()) == nil)
        #expect(HTTPRedirect.next(after: Self.redirect(302, to: "ftp://evil.example/x"), to: Self.get()) == nil)
    }
}
