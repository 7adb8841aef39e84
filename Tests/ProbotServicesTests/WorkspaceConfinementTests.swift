import Foundation
import Logging
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// Files named by inputs or the configuration are read from inside the workspace only: no absolute path, no
/// `..`, and no symbolic link whose target lies outside (also not in a sibling folder whose name starts alike).
struct WorkspaceConfinementTests {
    /// `<temp>/ws` as the workspace, beside `<temp>/outside` and `<temp>/ws-evil` holding secrets, with links
    /// from the workspace to each.
    final class Layout: Sendable {
        let directory: TemporaryDirectory
        var workspace: URL { directory.url.appendingPathComponent("ws") }

        init() throws {
            directory = try TemporaryDirectory()
            let manager = FileManager.default
            for folder in ["ws/.github", "ws/docs", "outside", "ws-evil"] {
                try manager.createDirectory(
                    at: directory.url.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try "secret: 1\n".write(
                to: directory.url.appendingPathComponent("outside/secret.yml"), atomically: true, encoding: .utf8)
            try "secret: 2\n".write(
                to: directory.url.appendingPathComponent("ws-evil/secret.yml"), atomically: true, encoding: .utf8)
            try "examples: []\n".write(
                to: directory.url.appendingPathComponent("ws/docs/examples.yml"), atomically: true, encoding: .utf8)
            let links = [
                "ws/link.yml": "../outside/secret.yml",
                "ws/absolute-link.yml": directory.url.appendingPathComponent("outside/secret.yml").path,
                "ws/out": "../outside",
                "ws/evil.yml": "../ws-evil/secret.yml",
                "ws/docs/inside-link.yml": "examples.yml",
                "ws/docs-link": "docs",
            ]
            for (path, target) in links {
                try manager.createSymbolicLink(
                    atPath: directory.url.appendingPathComponent(path).path, withDestinationPath: target)
            }
        }

        func write(_ path: String, _ text: String) throws {
            try text.write(to: workspace.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: ["docs/examples.yml", "./docs/examples.yml", "docs/inside-link.yml", "docs-link/examples.yml"])
    func pathsInsideTheWorkspaceAreRead(_ path: String) throws {
        let layout = try Layout()
        let data = try ConfinedWorkspace(root: layout.workspace).contents(path)
        #expect(data == Data("examples: []\n".utf8))
    }

    @Test(arguments: [
        ("link.yml", WorkspacePathError.linkLeavesWorkspace("link.yml")),
        ("absolute-link.yml", .linkLeavesWorkspace("absolute-link.yml")),
        ("out/secret.yml", .linkLeavesWorkspace("out/secret.yml")),
        ("evil.yml", .linkLeavesWorkspace("evil.yml")),
        ("/etc/passwd", .absolute("/etc/passwd")),
        ("../outside/secret.yml", .parentComponent("../outside/secret.yml")),
        ("docs/../../outside/secret.yml", .parentComponent("docs/../../outside/secret.yml")),
        ("docs/..", .parentComponent("docs/..")),
        ("", .empty),
        ("./", .empty),
    ])
    func pathsLeavingTheWorkspaceAreRefused(_ path: String, _ expected: WorkspacePathError) throws {
        let layout = try Layout()
        #expect(throws: expected) { try ConfinedWorkspace(root: layout.workspace).contents(path) }
    }

    @Test func anExamplesFileLinkedOutsideIsAConfigErrorAtItsKey() async throws {
        let layout = try Layout()
        try layout.write(".github/chatgpt-probot.yml", "language: German\nexamples_file: link.yml\n")
        let loader = WorkspaceConfigLoader(workspace: layout.workspace, path: ".github/chatgpt-probot.yml")
        let error = try await #require(throws: ConfigError.self) { try await loader.load(at: "") }
        let problem = try #require(error.problems.first)
        #expect(error.problems.count == 1)
        #expect(problem.key == "examples_file")
        #expect(problem.pathError == .linkLeavesWorkspace("link.yml"))
        #expect((problem.line, problem.column) == (2, 16))
        #expect(!error.description.contains("secret"))
    }

    @Test(arguments: ["/etc/passwd", "../outside/secret.yml", "docs/../../outside/secret.yml"])
    func anExamplesFileOutsideIsRefusedWhenTheFileIsParsed(_ path: String) throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigFileParser.parse("examples_file: \(path)\n", path: ".github/chatgpt-probot.yml")
        }
        #expect(error.problems.map(\.key) == ["examples_file"])
        #expect(error.problems.map(\.line) == [1])
        #expect(error.problems.map(\.column) == [16])
        #expect(error.problems.first?.pathError != nil)
    }

    @Test func aConfigFileLinkedOutsideIsRefused() async throws {
        let layout = try Layout()
        let loader = WorkspaceConfigLoader(workspace: layout.workspace, path: "link.yml")
        let error = try await #require(throws: ConfigError.self) { try await loader.load(at: "") }
        #expect(error.problems.map(\.key) == ["config-file"])
        #expect(error.problems.map(\.pathError) == [.linkLeavesWorkspace("link.yml")])
    }

    /// Through the contents API a `..` would address another API path (`/repos/o/r/contents/../../..`), so it is
    /// refused before any request; the configuration itself is read, its examples file is not.
    @Test func theContentsAPIIsNeverAskedForAPathOutsideTheRepository() async throws {
        let transport = StubTransport { _ in
            TransportResponse(status: 200, headers: [:], body: Data("examples_file: docs/../../../user\n".utf8))
        }
        let client = GitHubClient(
            baseURL: URL(string: "https://api.github.com")!, token: "t", transport: transport,
            logger: Logger(label: "test"))
        let loader = GitHubConfigLoader(client: client, owner: "o", repo: "r", path: ".github/chatgpt-probot.yml")
        let error = try await #require(throws: ConfigError.self) { try await loader.load(at: "abc") }
        #expect(error.problems.map(\.key) == ["examples_file"])
        #expect(transport.requests.count == 1)

        let outside = GitHubConfigLoader(client: client, owner: "o", repo: "r", path: "../../user")
        let refused = try await #require(throws: ConfigError.self) { try await outside.load(at: "abc") }
        #expect(refused.problems.map(\.pathError) == [.parentComponent("../../user")])
        #expect(transport.requests.count == 1)
    }

    @Test func theExamplesFileInputIsConfinedToo() throws {
        let layout = try Layout()
        let error = try #require(throws: ExamplesLoader.LoadError.self) {
            try ExamplesLoader.load("out/secret.yml", workspace: layout.workspace, builder: PromptBuilder())
        }
        #expect(error.pathError == .linkLeavesWorkspace("out/secret.yml"))
        #expect(
            try ExamplesLoader.load("docs-link/examples.yml", workspace: layout.workspace, builder: PromptBuilder())
                .isEmpty)
    }

    /// A pull request that adds a link to a file outside gets no context from it.
    @Test func changedFilesLinkedOutsideGiveNoContext() async throws {
        let layout = try Layout()
        let source = WorkspaceContentSource(root: layout.workspace, fallback: nil)
        let commit = "0123456789abcdef0123456789abcdef01234567"
        try FileManager.default.createDirectory(
            at: layout.workspace.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try layout.write(".git/HEAD", commit + "\n")
        let read = await source.texts(
            of: [
                ChangedFile(filename: "link.yml", status: "added", patch: nil),
                ChangedFile(filename: "docs/examples.yml", status: "added", patch: nil),
            ], at: commit)
        #expect(read.texts["docs/examples.yml"] == .text("examples: []\n"))
        guard case .unavailable(let why) = read.texts["link.yml"] else {
            Issue.record("a link outside must not be read")
            return
        }
        #expect(!why.contains("secret: 1"))
    }

    @Test func theAuditSkipsFilesBelowALinkOutside() throws {
        let layout = try Layout()
        let reader = WorkspaceReader(root: layout.workspace, maxBytes: 10_000)
        #expect(throws: SkippedFile.self) { try reader.read("out/secret.yml").get() }
        #expect(try reader.read("docs/examples.yml").get().text == "examples: []\n")
    }

    @Test func inputsNamingFilesOutsideAreInvalid() {
        var variables: [String: String] = [:]
        for (name, value) in [
            "github-token": "t", "dry-run": "true", "examples-file": "/etc/passwd", "config-file": "../x.yml",
        ] {
            variables[ActionEnvironment.variableName(forInput: name)] = value
        }
        let (_, problems) = ProbotInputs.read(ActionEnvironment(variables))
        #expect(problems.map(\.input) == ["config-file", "examples-file"])
    }
}
