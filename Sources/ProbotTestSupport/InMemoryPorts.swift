package import ProbotCore
import Synchronization

/// An in-memory ``Conversation``: records comments and reactions; reactions fail when told to.
package final class InMemoryConversation: Conversation, Sendable {
    private let state = Mutex<(comments: [Markdown], reactions: [Int])>(([], []))
    private let reactionsFail: Bool

    /// A conversation whose reactions fail when `reactionsFail`.
    package init(reactionsFail: Bool = false) {
        self.reactionsFail = reactionsFail
    }

    /// Conversation comments posted, in order.
    package var comments: [Markdown] { state.withLock { $0.comments } }
    /// Comment ids reacted to, in order.
    package var reactions: [Int] { state.withLock { $0.reactions } }

    package func recentComments(_ ref: PullRequestRef, limit: Int) async throws -> [ConversationComment] { [] }

    package func comment(_ ref: PullRequestRef, body: Markdown) async throws -> String? {
        state.withLock { $0.comments.append(body) }
        return "https://github.com/\(ref.owner)/\(ref.repo)/pull/\(ref.number)#issuecomment-1"
    }

    package func react(_ ref: PullRequestRef, commentID: Int, inReviewThread: Bool, content: String) async throws {
        if reactionsFail { throw InMemoryFailure(what: "reaction") }
        state.withLock { $0.reactions.append(commentID) }
    }
}

/// An in-memory ``ReviewThreadStore``: serves threads, records replies and resolutions.
package final class InMemoryThreadStore: ReviewThreadStore, Sendable {
    private let served: [ReviewThread]
    private let state = Mutex<(replies: [(root: Int, body: Markdown)], resolved: [String])>(([], []))

    /// Serves `threads`.
    package init(_ threads: [ReviewThread] = []) {
        self.served = threads
    }

    /// Replies posted, by the thread's root comment.
    package var replies: [(root: Int, body: Markdown)] { state.withLock { $0.replies } }
    /// Threads resolved, by id.
    package var resolved: [String] { state.withLock { $0.resolved } }

    package func threads(_ ref: PullRequestRef) async throws -> [ReviewThread] { served }

    package func resolve(threadID: String) async throws {
        state.withLock { $0.resolved.append(threadID) }
    }

    package func reply(_ ref: PullRequestRef, rootCommentID: Int, body: Markdown) async throws -> String? {
        state.withLock { $0.replies.append((rootCommentID, body)) }
        return "https://github.com/\(ref.owner)/\(ref.repo)/pull/\(ref.number)#discussion_r\(rootCommentID)"
    }
}

/// A ``RepositoryConfigLoader`` with a fixed answer: a configuration, or an error.
package struct StaticConfigLoader: RepositoryConfigLoader {
    package var result: Result<LoadedConfig, any Error>

    /// Serves `config` as found at `path`.
    package init(_ config: RepositoryConfig, path: String = ".github/chatgpt-probot.yml") {
        result = .success(LoadedConfig(path: path, found: true, config: config))
    }

    /// Fails every load with `error` (a ``ConfigError`` is an invalid file; anything else, unreadable).
    package init(failing error: any Error) {
        result = .failure(error)
    }

    /// No file.
    package static var missing: StaticConfigLoader {
        var loader = StaticConfigLoader(RepositoryConfig())
        loader.result = .success(LoadedConfig(path: ".github/chatgpt-probot.yml", found: false))
        return loader
    }

    package func load(at commit: String) async throws -> LoadedConfig { try result.get() }
}

/// An in-memory ``WorkspaceSource``: the files by path.
package struct InMemoryWorkspace: WorkspaceSource {
    package var files: [String: String]

    /// The workspace holding `files`.
    package init(_ files: [String: String]) {
        self.files = files
    }

    package func listFiles() throws -> [String] { files.keys.sorted() }

    package func read(_ path: String) -> Result<AuditFile, SkippedFile> {
        guard let text = files[path] else { return .failure(SkippedFile(path: path, reason: .unreadable("missing"))) }
        return .success(AuditFile(path: path, text: text))
    }
}

/// A ``SarifSink`` that keeps the reports it was given, or fails.
package final class InMemorySarif: SarifSink, Sendable {
    private let written = Mutex<[AuditReport]>([])
    private let fails: Bool

    /// A sink that fails every write when `fails`.
    package init(fails: Bool = false) {
        self.fails = fails
    }

    /// Reports written, in order.
    package var reports: [AuditReport] { written.withLock { $0 } }

    package func write(_ report: AuditReport) throws -> String {
        if fails { throw InMemoryFailure(what: "SARIF file") }
        written.withLock { $0.append(report) }
        return "results.sarif"
    }
}

/// An in-memory ``TrackingIssueStore``: records each upsert.
package final class InMemoryIssues: TrackingIssueStore, Sendable {
    private let bodies = Mutex<[Markdown]>([])

    /// No issue yet.
    package init() {}

    /// Bodies upserted, in order.
    package var upserted: [Markdown] { bodies.withLock { $0 } }

    package func findTrackingIssue(owner: String, repo: String, label: String) async throws -> Int? {
        bodies.withLock { $0.isEmpty ? nil : 1 }
    }

    package func upsertTrackingIssue(
        owner: String, repo: String, existing: Int?, title: String, body: Markdown, label: String
    ) async throws -> Int {
        bodies.withLock { $0.append(body) }
        return 1
    }
}

/// The failure an in-memory port was told to produce.
package struct InMemoryFailure: Error, CustomStringConvertible {
    package var what: String

    /// The failure of `what` (`"reaction"`, `"model"`).
    package init(what: String) {
        self.what = what
    }

    package var description: String { "the \(what) failed" }
}
