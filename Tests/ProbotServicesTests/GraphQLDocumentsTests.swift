import Foundation
import Logging
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The GraphQL documents the adapters send, and the catalog of them that `.ci/run` validates against GitHub's schema.
struct GraphQLDocumentsTests {
    private static let graphQLURL = URL(string: "https://api.github.com/graphql")!

    /// `PROBOT_GRAPHQL_OUT`, the folder `.ci/run` asks the catalog to be written to.
    private static var outputDirectory: String? {
        ProcessInfo.processInfo.environment["PROBOT_GRAPHQL_OUT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Answers each document with just enough for its adapter to go on: a first threads page points to a second.
    private static func transport() -> StubTransport {
        StubTransport { request in
            let body = try JSONDecoder().decode(JSONValue.self, from: request.body ?? Data())
            let query = body["query"]?.stringValue ?? ""
            if query.contains("resolveReviewThread") {
                return StubTransport.json(
                    200, #"{"data":{"resolveReviewThread":{"thread":{"id":"PRRT_1","isResolved":true}}}}"#)
            }
            if query.contains("reviewThreads") {
                let more = body["variables"]?["after"] == nil
                return StubTransport.json(
                    200,
                    #"{"data":{"repository":{"pullRequest":{"reviewThreads":{"pageInfo":{"hasNextPage":\#(more),"endCursor":"c1"},"nodes":[]}}}}}"#
                )
            }
            return StubTransport.json(200, #"{"data":{"repository":{}}}"#)
        }
    }

    @Test func theCatalogHasEveryKindOfDocument() {
        #expect(Set(GraphQLDocuments.catalog.values.map(\.kind)) == Set(GraphQLRequest.Kind.allCases))
    }

    @Test func theAdaptersSendOnlyCatalogDocumentsBuiltByTheBuilders() async throws {
        let transport = Self.transport()
        let client = GitHubClient(
            baseURL: URL(string: "https://api.github.com")!, token: "ghs_token", transport: transport,
            logger: Logger(label: "test"))
        let ref = GraphQLDocuments.catalogPullRequest
        let paths = (0...GitHubContentSource.filesPerQuery).map { "Sources/F\($0).swift" }
        let read = await GitHubContentSource(
            client: client, graphQLURL: Self.graphQLURL, owner: ref.owner, repo: ref.repo
        )
        .texts(of: paths.map { ChangedFile(filename: $0, status: "modified", patch: nil) }, at: "head")
        #expect(read.diagnostics.isEmpty)
        let store = GitHubThreadStore(client: client, graphQLURL: Self.graphQLURL)
        _ = try await store.threads(ref)
        try await store.resolve(threadID: "PRRT_1")
        _ = await GitHubPullRequestService(client: client).actingIdentity()

        let sent = try transport.requests.map { try JSONDecoder().decode(JSONValue.self, from: $0.body ?? Data()) }
        for body in sent {
            let query = try #require(body["query"]?.stringValue)
            #expect(GraphQLDocuments.catalogQueries.contains(query), "not in the catalog: \(query)")
        }
        // What was sent is exactly what the builders make for these inputs: 25 files and 1, two pages, one resolve,
        // one viewer.
        let full = GitHubContentSource.filesPerQuery
        let expected = [
            GraphQLDocuments.fileContents(
                owner: ref.owner, repo: ref.repo, commit: "head", paths: Array(paths.prefix(full))),
            GraphQLDocuments.fileContents(
                owner: ref.owner, repo: ref.repo, commit: "head", paths: Array(paths.dropFirst(full))),
            GraphQLDocuments.reviewThreads(ref, after: nil),
            GraphQLDocuments.reviewThreads(ref, after: "c1"),
            GraphQLDocuments.resolveReviewThread(id: "PRRT_1"),
            GraphQLDocuments.viewer(),
        ]
        #expect(sent.count == expected.count)
        for request in expected {
            #expect(sent.contains(request.body), "not sent: \(request.kind)")
        }
        #expect(Set(expected.map(\.kind)) == Set(GraphQLRequest.Kind.allCases))
    }

    @Test func aFileReadsDocumentDependsOnlyOnTheNumberOfFiles() {
        let odd = GraphQLDocuments.catalog["file-contents-odd-paths"]
        let plain = GraphQLDocuments.fileContents(
            owner: "o", repo: "r", commit: "c", paths: GraphQLDocuments.oddPaths.map { _ in "a.swift" })
        #expect(odd?.query == plain.query)
        #expect(odd?.variables["e0"] == .string("\(GraphQLDocuments.catalogCommit):dir with space/naïve file.swift"))
        #expect(GraphQLDocuments.catalogQueries.count == 6)
    }

    /// The loopback fake GitHub reads every alias of the catalog's file documents, odd paths included.
    @Test func theFakeGitHubAnswersTheCatalogsFileReads() async throws {
        let ref = GraphQLDocuments.catalogPullRequest
        let github = try await FakeGitHubServer.start(owner: ref.owner, repo: ref.repo)
        try await stopping(github) {
            let client = GitHubClient(
                baseURL: github.baseURL, token: "ghs_faketoken123", transport: URLSessionTransport(timeout: 30),
                logger: Logger(label: "test"))
            let source = GitHubContentSource(
                client: client, graphQLURL: GitHubGraphQL.url(forAPI: github.baseURL), owner: ref.owner,
                repo: ref.repo)
            let full = (0..<GitHubContentSource.filesPerQuery).map { "Sources/Module\($0)/File\($0).swift" }
            for paths in [GraphQLDocuments.oddPaths, full] {
                for path in paths { github.setFile(path, "text of \(path)\n", at: GraphQLDocuments.catalogCommit) }
                let read = await source.texts(
                    of: paths.map { ChangedFile(filename: $0, status: "modified", patch: nil) },
                    at: GraphQLDocuments.catalogCommit)
                #expect(read.diagnostics.isEmpty)
                for path in paths { #expect(read.texts[path] == .text("text of \(path)\n"), "\(path)") }
            }
        }
    }

    /// With `PROBOT_GRAPHQL_OUT` set, writes each catalog document to `<name>.graphql` and its request body to
    /// `<name>.json` for `.ci/validate_graphql.py`.
    @Test(.enabled(if: outputDirectory != nil)) func writesTheCatalogForCI() throws {
        let directory = URL(fileURLWithPath: try #require(Self.outputDirectory), isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, request) in GraphQLDocuments.catalog {
            try Data(request.query.utf8).write(to: directory.appending(path: "\(name).graphql"))
            try JSONEncoder().encode(request.body).write(to: directory.appending(path: "\(name).json"))
        }
    }
}
