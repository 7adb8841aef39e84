package import Foundation
import Synchronization

/// A loopback GitHub REST API for one repository that enforces GitHub's real rules.
///
/// - Every request needs `Authorization: Bearer <token>` (else 401 "Bad credentials").
/// - `pulls/{n}/files` paginates with `per_page` (default 30, max 100) and `Link` headers whose `next` URLs use
///   `/repositories/{id}/…`, as GitHub's do; the listing stops at 3,000 files.
/// - `POST pulls/{n}/reviews` validates every comment against the patches with its own independent hunk reader and
///   rejects the whole review with 422 and string `errors[]`, storing nothing, exactly as GitHub does.
package final class FakeGitHubServer: Sendable {
    /// A review as stored after a successful POST.
    package struct PostedReview: Sendable {
        package var id: Int
        package var commitID: String?
        package var body: String
        package var event: String?
        package var comments: [PostedComment]
    }

    /// An inline comment of a posted review.
    package struct PostedComment: Sendable, Equatable {
        package var path: String
        package var line: Int
        package var side: String
        package var startLine: Int?
        package var body: String
        /// The REST id, which is also the thread's root comment id.
        package var id: Int = 0
        /// The commit the comment was made on, and the commented line's text there (for `isOutdated`).
        package var commitID = ""
        package var anchor: String?
    }

    /// A reply in a review thread: this action's (through the API) or a person's (added by a test).
    package struct ThreadReply: Sendable, Equatable {
        package var id: Int
        package var root: Int
        package var body: String
        package var author: String
        package var isBot: Bool
        /// Written with the action's token.
        package var byViewer: Bool
        /// The author's association, as GraphQL's `authorAssociation` gives it.
        package var association = "MEMBER"
    }

    struct PullRequest {
        var json: [String: Any]
        var headSHA: String
        var files: [[String: Any]]
    }

    /// A conversation comment (the sticky summary lives here).
    package struct IssueComment: Sendable, Equatable {
        package var id: Int
        package var body: String
        /// Who wrote it: this action's token unless a test seeds someone else's comment.
        package var author: String = "github-actions[bot]"
        /// The issue or pull request it is on; `nil` for a comment seeded without one (shown on every pull request).
        package var issue: Int?
    }

    /// A reaction on a review comment by someone other than this action (added by a test).
    package struct PersonReaction: Sendable, Equatable {
        package var commentID: Int
        /// REST content: `+1`, `-1`, `eyes`, …
        package var content: String
        package var login: String
        package var isBot: Bool
    }

    /// A fault to inject: the next requests matching `method` and a path suffix get these replies.
    struct Fault {
        var method: String
        var pathSuffix: String
        var replies: [Reply]
        /// Store the review, then still answer with the reply (a 502 after the write happened).
        var afterWriting: Bool
    }

    struct State: @unchecked Sendable {
        var pulls: [Int: PullRequest] = [:]
        var reviews: [PostedReview] = []
        var issueComments: [IssueComment] = []
        var comparisons: [String: (status: String, files: [String])] = [:]
        var issues: [Int: (title: String, body: String, labels: [String], isPullRequest: Bool)] = [:]
        var reactions: [String] = []
        var personReactions: [PersonReaction] = []
        var replies: [(root: Int, body: String)] = []
        var plainIssues: Set<Int> = []
        var rejected: [[String]] = []
        var requests: [ReceivedRequest] = []
        var faults: [Fault] = []
        var nextID = 1000
        var threadReplies: [ThreadReply] = []
        /// Root comment ids of resolved threads.
        var resolvedThreads: Set<Int> = []
        /// Answer `resolveReviewThread` with GraphQL `FORBIDDEN`, as for a read-only token.
        var forbidResolve = false
        /// Repository files by commit and path, for the contents API.
        var files: [String: [String: String]] = [:]
    }

    package let owner: String
    package let repo: String
    package let token: String
    /// The numeric repository id used in pagination links.
    package let repositoryID = 123_456
    let state = Mutex(State())
    private let server = Mutex<LoopbackServer?>(nil)

    private init(owner: String, repo: String, token: String) {
        self.owner = owner
        self.repo = repo
        self.token = token
    }

    /// Starts a fake for `owner/repo` that accepts `token`.
    package static func start(owner: String = "octo", repo: String = "shop", token: String = "ghs_faketoken123")
        async throws -> FakeGitHubServer
    {
        let fake = FakeGitHubServer(owner: owner, repo: repo, token: token)
        let router = fake.routes()
        let server = try await LoopbackServer.start { [fake] request in fake.handle(request, router: router) }
        fake.server.withLock { $0 = server }
        return fake
    }

    /// `http://127.0.0.1:<port>`, the value for `GITHUB_API_URL`.
    package var baseURL: URL { server.withLock { $0?.baseURL } ?? URL(fileURLWithPath: "/") }

    /// Stops the server.
    package func stop() async {
        let server = self.server.withLock { $0 }
        await server?.stop()
    }

    /// Adds an open pull request with files `(filename, status, patch)`.
    package func addPullRequest(
        number: Int, title: String = "Add checkout", body: String = "", headSHA: String = "headsha1234567890",
        draft: Bool = false, files: [(filename: String, status: String, patch: String?)], changedFiles: Int? = nil,
        labels: [String] = [], author: String = "octocat"
    ) {
        let fileObjects: [[String: Any]] = files.map { file in
            var object: [String: Any] = [
                "sha": Self.blobSHA(file.filename, at: headSHA), "filename": file.filename, "status": file.status,
                "additions": file.patch?.split(separator: "\n").count(where: { $0.hasPrefix("+") }) ?? 0,
                "deletions": file.patch?.split(separator: "\n").count(where: { $0.hasPrefix("-") }) ?? 0,
                "changes": 0,
                "blob_url": "https://github.com/\(owner)/\(repo)/blob/\(headSHA)/\(file.filename)",
                "raw_url": "https://github.com/\(owner)/\(repo)/raw/\(headSHA)/\(file.filename)",
                "contents_url": "https://api.github.com/repos/\(owner)/\(repo)/contents/\(file.filename)",
            ]
            if let patch = file.patch { object["patch"] = patch }
            return object
        }
        let repository: [String: Any] = ["full_name": "\(owner)/\(repo)", "fork": false]
        let json: [String: Any] = [
            "number": number, "state": "open", "draft": draft, "title": title, "body": body,
            "changed_files": changedFiles ?? files.count,
            "html_url": "https://github.com/\(owner)/\(repo)/pull/\(number)",
            "head": ["sha": headSHA, "ref": "feature", "repo": repository],
            "labels": labels.map { ["name": $0] }, "user": ["login": author, "id": 1, "type": "User"],
            "base": ["sha": "basesha000", "ref": "main", "repo": repository],
        ]
        state.withLock { $0.pulls[number] = PullRequest(json: json, headSHA: headSHA, files: fileObjects) }
    }

    /// Makes the next review POSTs answer with these replies instead of being validated.
    package func failNextReviews(with replies: [Reply]) {
        inject("POST", "/reviews", replies: replies)
    }

    /// The next requests with `method` whose path ends with `pathSuffix` get `replies`, one each, before
    /// normal handling resumes. With `afterWriting`, a review is stored first and the reply still sent.
    package func inject(_ method: String, _ pathSuffix: String, replies: [Reply], afterWriting: Bool = false) {
        state.withLock {
            $0.faults.append(
                Fault(method: method, pathSuffix: pathSuffix, replies: replies, afterWriting: afterWriting))
        }
    }

    /// The blob SHA the fake gives `path` at `commit` (in the files listing and for `git/blobs`): stable, not git's.
    package static func blobSHA(_ path: String, at commit: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (commit + ":" + path).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "blob" + String(hash, radix: 16)
    }

    /// Stores `text` as `path` at `commit`, for the contents API, GraphQL blob reads and `git/blobs`.
    package func setFile(_ path: String, _ text: String, at commit: String) {
        state.withLock { $0.files[commit, default: [:]][path] = text }
    }

    /// Declares how `base...head` compares: `ahead` with `files`, `diverged`, `identical`; unknown pairs are 404.
    package func setComparison(base: String, head: String, status: String, files: [String] = []) {
        state.withLock { $0.comparisons["\(base)...\(head)"] = (status, files) }
    }

    /// Moves the pull request's head to a new commit with a new file list (a push).
    package func push(number: Int, headSHA: String, files: [(filename: String, status: String, patch: String?)]) {
        // A push keeps the title and the description (as edited so far).
        let (title, body) = state.withLock {
            (
                $0.pulls[number]?.json["title"] as? String ?? "Add checkout",
                $0.pulls[number]?.json["body"] as? String ?? ""
            )
        }
        addPullRequest(number: number, title: title, body: body, headSHA: headSHA, files: files)
    }

    /// Adds a plain issue (not a pull request) that conversation comments can go on.
    /// Seeds a conversation comment written by `author`; returns its id.
    @discardableResult
    package func addIssueComment(body: String, author: String) -> Int {
        state.withLock { state in
            state.nextID += 1
            state.issueComments.append(IssueComment(id: state.nextID, body: body, author: author))
            return state.nextID
        }
    }

    package func addIssue(number: Int) {
        state.withLock { _ = $0.plainIssues.insert(number) }
    }

    /// Adds an open issue (or, with `isPullRequest`, a pull request as the issues list shows it) with labels.
    package func addListedIssue(number: Int, title: String, body: String, labels: [String], isPullRequest: Bool = false)
    {
        state.withLock { $0.issues[number] = (title, body, labels, isPullRequest) }
    }

    /// Issues created or edited through the API, by number: `(title, body, labels)`.
    package var trackedIssues: [Int: (title: String, body: String, labels: [String])] {
        state.withLock { $0.issues.filter { !$0.value.isPullRequest }.mapValues { ($0.title, $0.body, $0.labels) } }
    }

    /// The pull request's description as it stands (after any edits through the API).
    package func pullRequestBody(_ number: Int) -> String? {
        state.withLock { $0.pulls[number]?.json["body"] as? String }
    }

    /// Reactions added, as `issues:<id>:<content>` or `pulls:<id>:<content>`.
    package var reactions: [String] { state.withLock { $0.reactions } }
    /// Replies this action posted in review threads.
    package var replies: [(root: Int, body: String)] {
        state.withLock { $0.threadReplies.filter(\.byViewer).map { ($0.root, $0.body) } }
    }

    /// Adds a reply by someone else in the thread of `root`; returns its id.
    @discardableResult
    package func addReply(
        root: Int, body: String, author: String = "octo", isBot: Bool = false, association: String = "MEMBER"
    ) -> Int {
        state.withLock { state in
            state.nextID += 1
            state.threadReplies.append(
                ThreadReply(
                    id: state.nextID, root: root, body: body, author: author, isBot: isBot, byViewer: false,
                    association: association))
            return state.nextID
        }
    }

    /// Adds a reply written with the action's token (as a personal access token makes it: a user); returns its id.
    package func reply(root: Int, asAction body: String) async throws -> Int {
        state.withLock { state in
            state.nextID += 1
            state.threadReplies.append(
                ThreadReply(
                    id: state.nextID, root: root, body: body, author: "octo-maintainer", isBot: false, byViewer: true))
            return state.nextID
        }
    }

    /// Root comment ids of the resolved threads.
    package var resolvedThreads: Set<Int> { state.withLock { $0.resolvedThreads } }

    /// Makes `resolveReviewThread` answer `FORBIDDEN`.
    package func forbidResolvingThreads() { state.withLock { $0.forbidResolve = true } }

    /// Reviews stored so far.
    package var reviews: [PostedReview] { state.withLock { $0.reviews } }
    /// Inline comments of every stored review, in order.
    package var comments: [PostedComment] { state.withLock { $0.reviews.flatMap(\.comments) } }
    /// Conversation comments.
    package var issueComments: [IssueComment] { state.withLock { $0.issueComments } }
    /// `errors[]` of every review rejected with 422.
    package var rejections: [[String]] { state.withLock { $0.rejected } }
    /// Every request received.
    package var requests: [ReceivedRequest] { state.withLock { $0.requests } }
}
