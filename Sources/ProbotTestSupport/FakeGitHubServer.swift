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
    }

    private struct PullRequest {
        var json: [String: Any]
        var headSHA: String
        var files: [[String: Any]]
    }

    /// A conversation comment (the sticky summary lives here).
    package struct IssueComment: Sendable, Equatable {
        package var id: Int
        package var body: String
    }

    /// A fault to inject: the next requests matching `method` and a path suffix get these replies.
    private struct Fault {
        var method: String
        var pathSuffix: String
        var replies: [Reply]
        /// Store the review, then still answer with the reply (a 502 after the write happened).
        var afterWriting: Bool
    }

    private struct State: @unchecked Sendable {
        var pulls: [Int: PullRequest] = [:]
        var reviews: [PostedReview] = []
        var issueComments: [IssueComment] = []
        var comparisons: [String: (status: String, files: [String])] = [:]
        var issues: [Int: (title: String, body: String, labels: [String], isPullRequest: Bool)] = [:]
        var reactions: [String] = []
        var replies: [(root: Int, body: String)] = []
        var plainIssues: Set<Int> = []
        var rejected: [[String]] = []
        var requests: [ReceivedRequest] = []
        var faults: [Fault] = []
        var nextID = 1000
    }

    package let owner: String
    package let repo: String
    package let token: String
    /// The numeric repository id used in pagination links.
    package let repositoryID = 123_456
    private let state = Mutex(State())
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
        let server = try await LoopbackServer.start { [fake] request in fake.handle(request) }
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
        draft: Bool = false, files: [(filename: String, status: String, patch: String?)], changedFiles: Int? = nil
    ) {
        let fileObjects: [[String: Any]] = files.map { file in
            var object: [String: Any] = [
                "sha": "blob\(file.filename.count)", "filename": file.filename, "status": file.status,
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
        state.withLock { $0.faults.append(Fault(method: method, pathSuffix: pathSuffix, replies: replies, afterWriting: afterWriting)) }
    }

    /// Declares how `base...head` compares: `ahead` with `files`, `diverged`, `identical`; unknown pairs are 404.
    package func setComparison(base: String, head: String, status: String, files: [String] = []) {
        state.withLock { $0.comparisons["\(base)...\(head)"] = (status, files) }
    }

    /// Moves the pull request's head to a new commit with a new file list (a push).
    package func push(number: Int, headSHA: String, files: [(filename: String, status: String, patch: String?)]) {
        let title = state.withLock { $0.pulls[number]?.json["title"] as? String } ?? "Add checkout"
        addPullRequest(number: number, title: title, headSHA: headSHA, files: files)
    }

    /// Adds a plain issue (not a pull request) that conversation comments can go on.
    package func addIssue(number: Int) {
        state.withLock { _ = $0.plainIssues.insert(number) }
    }

    /// Adds an open issue (or, with `isPullRequest`, a pull request as the issues list shows it) with labels.
    package func addListedIssue(number: Int, title: String, body: String, labels: [String], isPullRequest: Bool = false) {
        state.withLock { $0.issues[number] = (title, body, labels, isPullRequest) }
    }

    /// Issues created or edited through the API, by number: `(title, body, labels)`.
    package var trackedIssues: [Int: (title: String, body: String, labels: [String])] {
        state.withLock { $0.issues.filter { !$0.value.isPullRequest }.mapValues { ($0.title, $0.body, $0.labels) } }
    }

    /// Reactions added, as `issues:<id>:<content>` or `pulls:<id>:<content>`.
    package var reactions: [String] { state.withLock { $0.reactions } }
    /// Replies posted in review threads.
    package var replies: [(root: Int, body: String)] { state.withLock { $0.replies } }

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

    // MARK: - Routing

    private func handle(_ request: ReceivedRequest) -> Reply {
        state.withLock { $0.requests.append(request) }
        guard request.headers["authorization"] == "Bearer \(token)" else {
            return .json(401, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        let parts = request.path.split(separator: "/").map(String.init)
        // /repos/{o}/{r}/pulls/{n}[/files|/reviews] or /repositories/{id}/pulls/{n}/files
        var rest: ArraySlice<String>
        if parts.count >= 3, parts[0] == "repos", parts[1] == owner, parts[2] == repo {
            rest = parts[3...]
        } else if parts.count >= 2, parts[0] == "repositories", parts[1] == String(repositoryID) {
            rest = parts[2...]
        } else {
            return notFound
        }
        let fault = state.withLock { state -> (Reply, Bool)? in
            guard let index = state.faults.firstIndex(where: { $0.method == request.method && request.path.hasSuffix($0.pathSuffix) && !$0.replies.isEmpty }) else { return nil }
            let reply = state.faults[index].replies.removeFirst()
            let afterWriting = state.faults[index].afterWriting
            if state.faults[index].replies.isEmpty { state.faults.remove(at: index) }
            return (reply, afterWriting)
        }
        if let (reply, afterWriting) = fault, !afterWriting { return reply }
        let segments = Array(rest)
        // POST /issues/comments/{id}/reactions, POST /pulls/comments/{id}/reactions
        if request.method == "POST", segments.count == 4, segments[1] == "comments", segments[3] == "reactions",
            ["issues", "pulls"].contains(segments[0]), let id = Int(segments[2])
        {
            let content = (request.json as? [String: Any])?["content"] as? String ?? ""
            guard ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"].contains(content) else {
                return .json(422, ["message": "Validation Failed", "errors": [["resource": "Reaction", "code": "invalid", "field": "content"]]])
            }
            state.withLock { $0.reactions.append("\(segments[0]):\(id):\(content)") }
            return .json(201, ["id": 1, "content": content])
        }
        // POST /pulls/{n}/comments/{id}/replies
        if request.method == "POST", segments.count == 5, segments[0] == "pulls", segments[2] == "comments", segments[4] == "replies",
            let root = Int(segments[3])
        {
            guard let body = (request.json as? [String: Any])?["body"] as? String, !body.isEmpty else {
                return .json(422, ["message": "Validation Failed"])
            }
            let id = state.withLock { state in
                state.replies.append((root, body))
                state.nextID += 1
                return state.nextID
            }
            return .json(201, ["id": id, "body": body, "in_reply_to_id": root, "html_url": "https://github.com/\(owner)/\(repo)/pull/\(segments[1])#discussion_r\(id)"])
        }
        // GET /issues?state=open&labels=…, POST /issues, PATCH /issues/{n}
        if segments == ["issues"] {
            if request.method == "GET" {
                let label = request.query["labels"] ?? ""
                let all = state.withLock { $0.issues }.filter { $0.value.labels.contains(label) }.sorted { $0.key < $1.key }.map { number, issue -> [String: Any] in
                    var item: [String: Any] = ["id": 900_000 + number, "number": number, "title": issue.title, "body": issue.body, "state": "open", "labels": issue.labels.map { ["name": $0] }]
                    if issue.isPullRequest { item["pull_request"] = ["url": "https://api.github.com/repos/\(owner)/\(repo)/pulls/\(number)"] }
                    return item
                }
                return page(all, query: request.query, path: "/repositories/\(repositoryID)/issues")
            }
            guard request.method == "POST", let json = request.json as? [String: Any], let title = json["title"] as? String else {
                return .json(422, ["message": "Validation Failed", "errors": [["resource": "Issue", "code": "missing_field", "field": "title"]]])
            }
            let number = state.withLock { state in
                state.nextID += 1
                state.issues[state.nextID] = (title, json["body"] as? String ?? "", json["labels"] as? [String] ?? [], false)
                return state.nextID
            }
            return .json(201, ["id": number, "number": number, "html_url": "https://github.com/\(owner)/\(repo)/issues/\(number)"])
        }
        if segments.count == 2, segments[0] == "issues", let number = Int(segments[1]), request.method == "PATCH" {
            let json = request.json as? [String: Any] ?? [:]
            let found = state.withLock { state -> Bool in
                guard var issue = state.issues[number], !issue.isPullRequest else { return false }
                if let title = json["title"] as? String { issue.title = title }
                if let body = json["body"] as? String { issue.body = body }
                state.issues[number] = issue
                return true
            }
            return found ? .json(200, ["id": number, "number": number]) : notFound
        }
        if rest.first == "compare", rest.count == 2 {
            guard let comparison = state.withLock({ $0.comparisons[rest[rest.startIndex + 1]] }) else { return notFound }
            return .json(200, ["status": comparison.status, "files": comparison.files.map { ["filename": $0, "status": "modified"] }])
        }
        if rest.first == "issues", rest.count == 3, rest[rest.startIndex + 1] == "comments", let id = Int(rest[rest.startIndex + 2]), request.method == "PATCH" {
            guard let body = (request.json as? [String: Any])?["body"] as? String else { return .json(422, ["message": "body missing"]) }
            let found = state.withLock { state -> Bool in
                guard let index = state.issueComments.firstIndex(where: { $0.id == id }) else { return false }
                state.issueComments[index].body = body
                return true
            }
            return found ? .json(200, ["id": id, "body": body]) : notFound
        }
        if rest.first == "issues", rest.count == 3, let number = Int(rest[rest.startIndex + 1]), rest.last == "comments" {
            guard state.withLock({ $0.pulls[number] != nil || $0.plainIssues.contains(number) }) else { return notFound }
            if request.method == "GET" {
                let all = state.withLock { $0.issueComments }.map { ["id": $0.id, "body": $0.body, "user": ["login": "github-actions[bot]", "id": 41_898_282, "type": "Bot"]] as [String: Any] }
                return page(all, query: request.query, path: "/repositories/\(repositoryID)/issues/\(number)/comments")
            }
            guard request.method == "POST", let body = (request.json as? [String: Any])?["body"] as? String, !body.isEmpty else {
                return .json(422, ["message": "Validation Failed", "errors": [["resource": "IssueComment", "code": "missing_field", "field": "body"]]])
            }
            if body.count > 65_536 {
                return .json(422, ["message": "Validation Failed", "errors": [["resource": "IssueComment", "code": "custom", "field": "body", "message": "body is too long (maximum is 65536 characters)"]]])
            }
            let id = state.withLock { state in
                state.nextID += 1
                state.issueComments.append(IssueComment(id: state.nextID, body: body))
                return state.nextID
            }
            return .json(201, ["id": id, "body": body])
        }
        guard rest.first == "pulls", rest.count >= 2, let number = Int(rest[rest.startIndex + 1]) else { return notFound }
        rest = rest.dropFirst(2)
        guard let pull = state.withLock({ $0.pulls[number] }) else { return notFound }
        switch (request.method, rest.first) {
        case ("GET", nil): return .json(200, pull.json)
        case ("GET", "files"): return files(pull, number: number, query: request.query)
        case ("GET", "comments"):
            var id = 5000
            let all = state.withLock { $0.reviews }.flatMap { review in
                review.comments.map { comment -> [String: Any] in
                    id += 1
                    return ["id": id, "pull_request_review_id": review.id, "path": comment.path, "line": comment.line, "side": comment.side,
                            "body": comment.body, "in_reply_to_id": NSNull(), "user": ["login": "github-actions[bot]", "id": 41_898_282, "type": "Bot"]]
                }
            }
            return page(all, query: request.query, path: "/repositories/\(repositoryID)/pulls/\(number)/comments")
        case ("GET", "reviews"):
            let all = state.withLock { $0.reviews }.map { review -> [String: Any] in
                ["id": review.id, "body": review.body, "commit_id": review.commitID ?? "", "state": "COMMENTED",
                 "html_url": "https://github.com/\(owner)/\(repo)/pull/\(number)#pullrequestreview-\(review.id)",
                 "user": ["login": "github-actions[bot]", "id": 41_898_282, "type": "Bot"]]
            }
            return page(all, query: request.query, path: "/repositories/\(repositoryID)/pulls/\(number)/reviews")
        case ("POST", "reviews"):
            let reply = createReview(pull, request: request)
            if let (forced, afterWriting) = fault, afterWriting { return forced }
            return reply
        default: return notFound
        }
    }

    /// One page of `items` with GitHub's `Link` header.
    private func page(_ items: [[String: Any]], query: [String: String], path: String) -> Reply {
        let perPage = min(100, max(1, Int(query["per_page"] ?? "") ?? 30))
        let page = max(1, Int(query["page"] ?? "") ?? 1)
        let start = (page - 1) * perPage
        let slice = start < items.count ? Array(items[start..<min(items.count, start + perPage)]) : []
        let lastPage = max(1, (items.count + perPage - 1) / perPage)
        var headers: [String: String] = [:]
        if page < lastPage {
            headers["Link"] = "<\(baseURL.absoluteString)\(path)?per_page=\(perPage)&page=\(page + 1)>; rel=\"next\""
        }
        return .json(200, slice, headers: headers)
    }

    private var notFound: Reply {
        .json(404, ["message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"])
    }

    private func files(_ pull: PullRequest, number: Int, query: [String: String]) -> Reply {
        let perPage = min(100, max(1, Int(query["per_page"] ?? "") ?? 30))
        let page = max(1, Int(query["page"] ?? "") ?? 1)
        let listed = Array(pull.files.prefix(3_000))
        let start = (page - 1) * perPage
        let slice = start < listed.count ? Array(listed[start..<min(listed.count, start + perPage)]) : []
        var headers: [String: String] = ["x-ratelimit-remaining": "999", "x-ratelimit-resource": "core"]
        let lastPage = max(1, (listed.count + perPage - 1) / perPage)
        if page < lastPage {
            let link = { (p: Int) in "<\(self.baseURL.absoluteString)/repositories/\(self.repositoryID)/pulls/\(number)/files?per_page=\(perPage)&page=\(p)>" }
            headers["Link"] = "\(link(page + 1)); rel=\"next\", \(link(lastPage)); rel=\"last\""
        }
        return .json(200, slice, headers: headers)
    }

    private func createReview(_ pull: PullRequest, request: ReceivedRequest) -> Reply {
        guard let json = request.json as? [String: Any] else {
            return .json(400, ["message": "Problems parsing JSON"])
        }
        var errors: [String] = []
        let event = json["event"] as? String
        let body = json["body"] as? String ?? ""
        if let event, !["APPROVE", "REQUEST_CHANGES", "COMMENT"].contains(event) {
            return .json(422, ["message": "Unprocessable Entity", "errors": ["Event is not included in the list"]])
        }
        if (event == "COMMENT" || event == "REQUEST_CHANGES") && body.isEmpty {
            return .json(422, ["message": "Unprocessable Entity", "errors": ["Body can't be blank"]])
        }
        if body.count > 65_536 {
            return .json(422, ["message": "Unprocessable Entity", "errors": ["Body is too long (maximum is 65536 characters)"]])
        }
        if let commit = json["commit_id"] as? String, commit != pull.headSHA {
            errors.append("Line could not be resolved")
        }
        var comments: [PostedComment] = []
        for raw in json["comments"] as? [[String: Any]] ?? [] {
            guard let path = raw["path"] as? String, let text = raw["body"] as? String else {
                errors.append("Path and body are required")
                continue
            }
            if raw["position"] != nil { errors.append("position is deprecated; this fake accepts line/side only") }
            if text.count > 65_536 { errors.append("Body is too long (maximum is 65536 characters)") }
            guard let line = raw["line"] as? Int else {
                errors.append("Pull request review thread line must be part of the diff")
                continue
            }
            let side = raw["side"] as? String ?? "RIGHT"
            let startLine = raw["start_line"] as? Int
            let patch = pull.files.first { $0["filename"] as? String == path }?["patch"] as? String
            guard let patch else {
                errors.append("Pull request review thread diff hunk can't be blank")
                continue
            }
            let hunks = Self.commentableHunks(patch, side: side)
            guard let endHunk = hunks[line] else {
                errors.append("Pull request review thread line must be part of the diff")
                continue
            }
            if let startLine {
                let startSide = raw["start_side"] as? String ?? side
                if startLine >= line {
                    errors.append("Pull request review thread start line must precede the end line.")
                    continue
                }
                guard let startHunk = Self.commentableHunks(patch, side: startSide)[startLine], startHunk == endHunk else {
                    errors.append("Pull request review thread start line must be part of the same hunk as the line.")
                    continue
                }
            }
            comments.append(PostedComment(path: path, line: line, side: side, startLine: startLine, body: text))
        }
        if !errors.isEmpty {
            state.withLock { $0.rejected.append(errors) }
            return .json(
                422,
                ["message": "Unprocessable Entity", "errors": errors,
                 "documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
                 "status": "422"])
        }
        let id = state.withLock { state in
            state.nextID += 1
            state.reviews.append(
                PostedReview(id: state.nextID, commitID: json["commit_id"] as? String, body: body, event: event, comments: comments))
            return state.nextID
        }
        let number = pull.json["number"] as? Int ?? 0
        return .json(
            200,
            ["id": id, "node_id": "PRR_\(id)", "body": body, "state": event == nil ? "PENDING" : "COMMENTED",
             "commit_id": pull.headSHA, "html_url": "https://github.com/\(owner)/\(repo)/pull/\(number)#pullrequestreview-\(id)",
             "user": ["login": "github-actions[bot]", "id": 41_898_282, "type": "Bot"],
             "submitted_at": "2026-11-26T12:00:00Z", "author_association": "NONE"])
    }

    /// Line number → hunk index for the lines GitHub accepts on `side`; written independently of the code under test.
    static func commentableHunks(_ patch: String, side: String) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var hunk = -1
        var old = 0
        var new = 0
        var lines = patch.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if line.hasPrefix("@@") {
                hunk += 1
                // @@ -old[,n] +new[,m] @@
                let fields = line.components(separatedBy: " ")
                old = Int(fields[1].dropFirst().components(separatedBy: ",")[0]) ?? 0
                new = Int(fields[2].dropFirst().components(separatedBy: ",")[0]) ?? 0
                continue
            }
            guard hunk >= 0, !line.hasPrefix("\\") else { continue }
            if line.hasPrefix("+") {
                if side == "RIGHT" { result[new] = hunk }
                new += 1
            } else if line.hasPrefix("-") {
                if side == "LEFT" { result[old] = hunk }
                old += 1
            } else {
                result[side == "RIGHT" ? new : old] = hunk
                old += 1
                new += 1
            }
        }
        return result
    }
}
