import Foundation
import Synchronization

/// Conversation endpoints: issue comments (the sticky summary), review-thread replies, reactions, and the
/// issues list the audit's tracking issue lives in.
extension FakeGitHubServer {
    func reply(_ request: ReceivedRequest, _ captures: [String: String]) -> Reply {
        guard let body = (request.json as? [String: Any])?["body"] as? String, !body.isEmpty else {
            return .json(422, ["message": "Validation Failed"])
        }
        let root = number(captures, "root")
        let id = state.withLock { state in
            state.nextID += 1
            state.threadReplies.append(
                ThreadReply(
                    id: state.nextID, root: root, body: body, author: "github-actions[bot]", isBot: true, byViewer: true
                ))
            return state.nextID
        }
        return .json(
            201,
            [
                "id": id, "body": body, "in_reply_to_id": root,
                "html_url": "https://github.com/\(owner)/\(repo)/pull/\(number(captures))#discussion_r\(id)",
            ])
    }

    func react(_ request: ReceivedRequest, _ captures: [String: String]) -> Reply {
        guard let kind = captures["kind"], ["issues", "pulls"].contains(kind) else { return notFound }
        let content = (request.json as? [String: Any])?["content"] as? String ?? ""
        guard ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"].contains(content) else {
            return .json(
                422,
                [
                    "message": "Validation Failed",
                    "errors": [["resource": "Reaction", "code": "invalid", "field": "content"]],
                ])
        }
        state.withLock { $0.reactions.append("\(kind):\(number(captures, "id")):\(content)") }
        return .json(201, ["id": 1, "content": content])
    }

    func listIssues(_ request: ReceivedRequest) -> Reply {
        let label = request.query["labels"] ?? ""
        let listed = state.withLock { $0.issues }.filter { $0.value.labels.contains(label) }.sorted { $0.key < $1.key }
        let all = listed.map { number, issue -> [String: Any] in
            var item: [String: Any] = [
                "id": 900_000 + number, "number": number, "title": issue.title, "body": issue.body, "state": "open",
                "labels": issue.labels.map { ["name": $0] }, "user": Self.bot,
            ]
            if issue.isPullRequest {
                item["pull_request"] = ["url": "https://api.github.com/repos/\(owner)/\(repo)/pulls/\(number)"]
            }
            return item
        }
        return page(all, query: request.query, path: "/repositories/\(repositoryID)/issues")
    }

    func createIssue(_ request: ReceivedRequest) -> Reply {
        guard let json = request.json as? [String: Any], let title = json["title"] as? String else {
            return .json(
                422,
                [
                    "message": "Validation Failed",
                    "errors": [["resource": "Issue", "code": "missing_field", "field": "title"]],
                ])
        }
        let number = state.withLock { state in
            state.nextID += 1
            state.issues[state.nextID] = (
                title, json["body"] as? String ?? "", json["labels"] as? [String] ?? [], false
            )
            return state.nextID
        }
        return .json(
            201, ["id": number, "number": number, "html_url": "https://github.com/\(owner)/\(repo)/issues/\(number)"])
    }

    func editIssue(_ request: ReceivedRequest, number: Int) -> Reply {
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

    /// Whether `number` is something comments can go on: a pull request, a plain issue, or a created issue.
    private func commentable(_ number: Int) -> Bool {
        state.withLock { $0.pulls[number] != nil || $0.plainIssues.contains(number) || $0.issues[number] != nil }
    }

    func listIssueComments(_ request: ReceivedRequest, number: Int) -> Reply {
        guard commentable(number) else { return notFound }
        // Comments seeded without an issue show on every pull request (older tests); others only on their own.
        let isPull = state.withLock { $0.pulls[number] != nil }
        let all = state.withLock { $0.issueComments }.filter { $0.issue == number || ($0.issue == nil && isPull) }.map {
            [
                "id": $0.id, "body": $0.body, "author_association": "NONE",
                "html_url": "https://github.com/\(owner)/\(repo)/issues/\(number)#issuecomment-\($0.id)",
                "user": ["login": $0.author, "type": $0.author.hasSuffix("[bot]") ? "Bot" : "User"],
            ]
                as [String: Any]
        }
        return page(all, query: request.query, path: "/repositories/\(repositoryID)/issues/\(number)/comments")
    }

    func createIssueComment(_ request: ReceivedRequest, number: Int) -> Reply {
        guard commentable(number) else { return notFound }
        guard let body = (request.json as? [String: Any])?["body"] as? String, !body.isEmpty else {
            return .json(
                422,
                [
                    "message": "Validation Failed",
                    "errors": [["resource": "IssueComment", "code": "missing_field", "field": "body"]],
                ])
        }
        if body.count > 65_536 {
            return .json(
                422,
                [
                    "message": "Validation Failed",
                    "errors": [
                        [
                            "resource": "IssueComment", "code": "custom", "field": "body",
                            "message": "body is too long (maximum is 65536 characters)",
                        ]
                    ],
                ])
        }
        let id = state.withLock { state in
            state.nextID += 1
            state.issueComments.append(IssueComment(id: state.nextID, body: body, issue: number))
            return state.nextID
        }
        return .json(
            201,
            [
                "id": id, "body": body,
                "html_url": "https://github.com/\(owner)/\(repo)/issues/\(number)#issuecomment-\(id)",
            ])
    }

    func editIssueComment(_ request: ReceivedRequest, id: Int) -> Reply {
        guard let body = (request.json as? [String: Any])?["body"] as? String else {
            return .json(422, ["message": "body missing"])
        }
        let found = state.withLock { state -> Bool in
            guard let index = state.issueComments.firstIndex(where: { $0.id == id }) else { return false }
            state.issueComments[index].body = body
            return true
        }
        return found ? .json(200, ["id": id, "body": body]) : notFound
    }
}
