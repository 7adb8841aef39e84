import Foundation
import ProbotServices
import Synchronization

/// `POST /graphql` for the one query shape the action sends: blobs by `object(expression: $eN)` aliases, with
/// `text`, `isBinary`, `byteSize` and `isTruncated` (GitHub's `Blob` fields), and `null` for a missing object.
extension FakeGitHubServer {
    func graphQL(_ request: ReceivedRequest) -> Reply {
        if let injected = takeFault(request) { return injected }
        guard let json = request.json as? [String: Any], let query = json["query"] as? String,
            let raw = json["variables"] as? [String: Any]
        else {
            return .json(400, ["message": "Problems parsing JSON"])
        }
        // The token acts as GitHub Actions' bot; GraphQL gives bot logins without `[bot]`.
        if query == GraphQLDocuments.viewer().query {
            return .json(200, ["data": ["viewer": ["login": "github-actions"]]])
        }
        if query.contains("resolveReviewThread") { return resolveReviewThread(raw) }
        if query.contains("reviewThreads") { return reviewThreads(raw, query: query) }
        let variables = raw.compactMapValues { $0 as? String }
        guard variables["owner"] == owner, variables["name"] == repo else {
            return .json(
                200, ["data": ["repository": NSNull()], "errors": [["message": "Could not resolve to a Repository"]]])
        }
        let files = state.withLock { $0.files }
        var objects: [String: Any] = [:]
        // Aliases `fN: object(expression: $eN)`.
        for match in query.matches(of: /(f\d+): object\(expression: \$(e\d+)\)/) {
            let alias = String(match.output.1)
            guard let expression = variables[String(match.output.2)], let colon = expression.firstIndex(of: ":") else {
                return .json(200, ["errors": [["message": "Variable \(match.output.2) is not defined"]]])
            }
            let commit = String(expression[..<colon])
            let path = String(expression[expression.index(after: colon)...])
            guard let text = files[commit]?[path] else {
                objects[alias] = NSNull()
                continue
            }
            let binary = text.utf8.contains(0)
            objects[alias] = [
                "text": binary ? NSNull() : text as Any, "isBinary": binary, "byteSize": text.utf8.count,
                "isTruncated": false,
            ]
        }
        return .json(200, ["data": ["repository": objects]])
    }

    /// An injected reply for this request, if one is queued.
    func takeFault(_ request: ReceivedRequest) -> Reply? {
        state.withLock { state -> Reply? in
            guard
                let index = state.faults.firstIndex(where: {
                    $0.method == request.method && request.path.hasSuffix($0.pathSuffix) && !$0.replies.isEmpty
                })
            else { return nil }
            let reply = state.faults[index].replies.removeFirst()
            if state.faults[index].replies.isEmpty { state.faults.remove(at: index) }
            return reply
        }
    }
}

/// Review threads: every inline comment starts one, replies follow; `isOutdated` once the pull request's head moved
/// and the commented line's text changed (or left the diff), as GitHub marks it.
extension FakeGitHubServer {
    func reviewThreads(_ variables: [String: Any], query: String = "") -> Reply {
        guard let number = variables["number"] as? Int,
            Double(number) == variables["number"] as? Double ?? Double(number)
        else {
            return .json(200, ["errors": [["message": "Variable $number of type Int! was provided invalid value"]]])
        }
        let (pull, reviews, replies, resolved) = state.withLock {
            ($0.pulls[number], $0.reviews, $0.threadReplies, $0.resolvedThreads)
        }
        guard let pull else { return .json(200, ["data": ["repository": ["pullRequest": NSNull()]]]) }
        let nodes = reviews.flatMap(\.comments).map { comment -> [String: Any] in
            let patch = pull.files.first { $0["filename"] as? String == comment.path }?["patch"] as? String
            let now = patch.flatMap { Self.lineText($0, line: comment.line, side: comment.side) }
            let outdated = comment.commitID != pull.headSHA && now != comment.anchor
            let root = asked(
                [
                    "databaseId": comment.id, "body": comment.body, "viewerDidAuthor": true,
                    "author": ["login": "github-actions", "__typename": "Bot"], "authorAssociation": "NONE",
                    "url": "https://github.com/\(owner)/\(repo)/pull/\(number)#discussion_r\(comment.id)",
                    "reactionGroups": reactionGroups(of: comment.id),
                ], query: query)
            let answers = replies.filter { $0.root == comment.id }.map { reply -> [String: Any] in
                asked(
                    [
                        "databaseId": reply.id, "body": reply.body, "viewerDidAuthor": reply.byViewer,
                        "author": ["login": reply.author, "__typename": reply.isBot ? "Bot" : "User"],
                        "authorAssociation": reply.byViewer ? "NONE" : reply.association,
                        "url": "https://github.com/\(owner)/\(repo)/pull/\(number)#discussion_r\(reply.id)",
                        "reactionGroups": reactionGroups(of: reply.id),
                    ], query: query)
            }
            return [
                "id": "PRRT_\(comment.id)", "isResolved": resolved.contains(comment.id), "isOutdated": outdated,
                "path": comment.path, "line": outdated ? NSNull() : comment.line as Any, "originalLine": comment.line,
                "comments": ["nodes": [root] + answers],
            ]
        }
        return .json(
            200,
            [
                "data": [
                    "repository": [
                        "pullRequest": [
                            "reviewThreads": [
                                "pageInfo": ["hasNextPage": false, "endCursor": NSNull()], "nodes": nodes,
                            ]
                        ]
                    ]
                ]
            ])
    }

    /// `fields` with only the optional comment fields the query names: GraphQL answers exactly what was asked.
    private func asked(_ fields: [String: Any], query: String) -> [String: Any] {
        let optional = ["url", "authorAssociation", "reactionGroups"]
        return fields.filter { key, _ in
            !optional.contains(key) || query.contains(" \(key) ") || query.contains(" \(key) {")
        }
    }

    func resolveReviewThread(_ variables: [String: Any]) -> Reply {
        let id = variables["id"] as? String ?? ""
        let root = Int(id.replacing("PRRT_", with: "")) ?? -1
        let forbidden = state.withLock { state -> Bool in
            guard !state.forbidResolve else { return true }
            state.resolvedThreads.insert(root)
            return false
        }
        if forbidden {
            return .json(
                200,
                [
                    "data": ["resolveReviewThread": NSNull()],
                    "errors": [["type": "FORBIDDEN", "message": "Resource not accessible by integration"]],
                ])
        }
        return .json(200, ["data": ["resolveReviewThread": ["thread": ["id": id, "isResolved": true]]]])
    }
}
