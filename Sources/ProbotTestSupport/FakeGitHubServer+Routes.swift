import Foundation
import Synchronization

/// Request handling: authentication, injected faults, and the route table.
extension FakeGitHubServer {
    /// The bot GitHub shows as the author of what this action posts.
    static var bot: [String: Any] { ["login": "github-actions[bot]", "id": 41_898_282, "type": "Bot"] }

    /// Every endpoint the fake serves, relative to `/repos/{owner}/{repo}` (or `/repositories/{id}`).
    func routes() -> FakeRouter {
        var router = FakeRouter()
        router.add("GET /pulls/:number") { [self] _, p in pull(p).map { .json(200, $0.json) } ?? notFound }
        router.add("PATCH /pulls/:number") { [self] request, p in
            guard let body = (request.json as? [String: Any])?["body"] as? String else {
                return .json(422, ["message": "body missing"])
            }
            let number = number(p)
            let found = state.withLock { state -> Bool in
                guard state.pulls[number] != nil else { return false }
                state.pulls[number]?.json["body"] = body
                return true
            }
            return found ? .json(200, ["number": number, "body": body]) : notFound
        }
        router.add("GET /pulls/:number/files") { [self] request, p in
            pull(p).map { files($0, number: number(p), query: request.query) } ?? notFound
        }
        router.add("GET /pulls/:number/comments") { [self] request, p in reviewComments(number(p), query: request.query)
        }
        router.add("GET /pulls/:number/reviews") { [self] request, p in reviewList(number(p), query: request.query) }
        router.add("POST /pulls/:number/reviews") { [self] request, p in
            pull(p).map { createReview($0, request: request) } ?? notFound
        }
        router.add("POST /pulls/:number/comments/:root/replies") { [self] request, p in reply(request, p) }
        router.add("POST /:kind/comments/:id/reactions") { [self] request, p in react(request, p) }
        router.add("GET /issues") { [self] request, _ in listIssues(request) }
        router.add("POST /issues") { [self] request, _ in createIssue(request) }
        router.add("PATCH /issues/:number") { [self] request, p in editIssue(request, number: number(p)) }
        router.add("GET /issues/:number/comments") { [self] request, p in listIssueComments(request, number: number(p))
        }
        router.add("POST /issues/:number/comments") { [self] request, p in
            createIssueComment(request, number: number(p))
        }
        router.add("PATCH /issues/comments/:id") { [self] request, p in editIssueComment(request, id: number(p, "id")) }
        router.add("GET /contents/*path") { [self] request, p in
            // The raw media type returns the bytes; GitHub answers 404 for a missing file or commit.
            let ref = request.query["ref"] ?? ""
            let path = (p["path"] ?? "").removingPercentEncoding ?? ""
            guard let text = state.withLock({ $0.files[ref]?[path] }) else { return notFound }
            guard request.headers["accept"] == "application/vnd.github.raw+json" else {
                return .json(
                    200, ["type": "file", "encoding": "base64", "content": Data(text.utf8).base64EncodedString()])
            }
            return Reply(
                status: 200, headers: ["Content-Type": "application/vnd.github.raw+json"], body: Data(text.utf8))
        }
        router.add("GET /git/blobs/:sha") { [self] request, p in
            let sha = p["sha"] ?? ""
            let text = state.withLock { state in
                state.files.flatMap { commit, files in
                    files.filter { Self.blobSHA($0.key, at: commit) == sha }.map(\.value)
                }.first
            }
            guard let text else { return notFound }
            return Reply(
                status: 200, headers: ["Content-Type": "application/vnd.github.raw+json"], body: Data(text.utf8))
        }
        router.add("GET /compare/:range") { [self] _, p in
            guard let comparison = state.withLock({ $0.comparisons[p["range"] ?? ""] }) else { return notFound }
            return .json(
                200,
                [
                    "status": comparison.status,
                    "files": comparison.files.map { ["filename": $0, "status": "modified"] },
                ])
        }
        return router
    }

    func handle(_ request: ReceivedRequest, router: FakeRouter) -> Reply {
        state.withLock { $0.requests.append(request) }
        guard request.headers["authorization"] == "Bearer \(token)" else {
            return .json(401, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        if request.path == "/graphql" { return graphQL(request) }
        let parts = request.path.split(separator: "/").map(String.init)
        let segments: [String]
        if parts.count >= 3, parts[0] == "repos", parts[1] == owner, parts[2] == repo {
            segments = Array(parts[3...])
        } else if parts.count >= 2, parts[0] == "repositories", parts[1] == String(repositoryID) {
            segments = Array(parts[2...])
        } else {
            return notFound
        }
        let fault = state.withLock { state -> (Reply, Bool)? in
            guard
                let index = state.faults.firstIndex(where: {
                    $0.method == request.method && request.path.hasSuffix($0.pathSuffix) && !$0.replies.isEmpty
                })
            else { return nil }
            let reply = state.faults[index].replies.removeFirst()
            let afterWriting = state.faults[index].afterWriting
            if state.faults[index].replies.isEmpty { state.faults.remove(at: index) }
            return (reply, afterWriting)
        }
        if let (reply, afterWriting) = fault, !afterWriting { return reply }
        let reply = router.reply(to: request, segments: segments) ?? notFound
        // A fault after writing: the request took effect, but the client sees the injected reply.
        if let (forced, _) = fault { return forced }
        return reply
    }

    func number(_ captures: [String: String], _ name: String = "number") -> Int { Int(captures[name] ?? "") ?? -1 }

    func pull(_ captures: [String: String]) -> PullRequest? {
        state.withLock { $0.pulls[number(captures)] }
    }

    var notFound: Reply {
        .json(404, ["message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"])
    }

    /// One page of `items` with GitHub's `Link` header (`next`, and `last` when asked).
    func page(
        _ items: [[String: Any]], query: [String: String], path: String, headers extra: [String: String] = [:],
        withLast: Bool = false
    ) -> Reply {
        let perPage = min(100, max(1, Int(query["per_page"] ?? "") ?? 30))
        let page = max(1, Int(query["page"] ?? "") ?? 1)
        let start = (page - 1) * perPage
        let slice = start < items.count ? Array(items[start..<min(items.count, start + perPage)]) : []
        let lastPage = max(1, (items.count + perPage - 1) / perPage)
        var headers = extra
        if page < lastPage {
            let link = { (p: Int) in "<\(self.baseURL.absoluteString)\(path)?per_page=\(perPage)&page=\(p)>" }
            headers["Link"] = "\(link(page + 1)); rel=\"next\"" + (withLast ? ", \(link(lastPage)); rel=\"last\"" : "")
        }
        return .json(200, slice, headers: headers)
    }

    func files(_ pull: PullRequest, number: Int, query: [String: String]) -> Reply {
        page(
            Array(pull.files.prefix(3_000)), query: query, path: "/repositories/\(repositoryID)/pulls/\(number)/files",
            headers: ["x-ratelimit-remaining": "999", "x-ratelimit-resource": "core"], withLast: true)
    }

    func reviewComments(_ number: Int, query: [String: String]) -> Reply {
        guard state.withLock({ $0.pulls[number] != nil }) else { return notFound }
        let (reviews, replies) = state.withLock { ($0.reviews, $0.threadReplies) }
        let roots = reviews.flatMap { review in
            review.comments.map { comment -> [String: Any] in
                [
                    "id": comment.id, "pull_request_review_id": review.id, "path": comment.path, "line": comment.line,
                    "side": comment.side, "body": comment.body, "in_reply_to_id": NSNull(), "user": Self.bot,
                ]
            }
        }
        let answers = replies.map { reply -> [String: Any] in
            [
                "id": reply.id, "body": reply.body, "in_reply_to_id": reply.root,
                "user": ["login": reply.author, "type": reply.isBot ? "Bot" : "User"],
            ]
        }
        let all = roots + answers
        return page(all, query: query, path: "/repositories/\(repositoryID)/pulls/\(number)/comments")
    }

    func reviewList(_ number: Int, query: [String: String]) -> Reply {
        guard state.withLock({ $0.pulls[number] != nil }) else { return notFound }
        let all = state.withLock { $0.reviews }.map { review -> [String: Any] in
            [
                "id": review.id, "body": review.body, "commit_id": review.commitID ?? "", "state": "COMMENTED",
                "html_url": "https://github.com/\(owner)/\(repo)/pull/\(number)#pullrequestreview-\(review.id)",
                "user": Self.bot,
            ]
        }
        return page(all, query: query, path: "/repositories/\(repositoryID)/pulls/\(number)/reviews")
    }
}
