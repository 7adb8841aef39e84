import Foundation
import Synchronization

/// `POST pulls/{n}/reviews` with GitHub's validation: every comment checked against the patch by an independent
/// hunk reader; one bad comment rejects the whole review with 422 and string `errors[]`, storing nothing.
extension FakeGitHubServer {
    func createReview(_ pull: PullRequest, request: ReceivedRequest) -> Reply {
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
            return .json(
                422, ["message": "Unprocessable Entity", "errors": ["Body is too long (maximum is 65536 characters)"]])
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
                guard let startHunk = Self.commentableHunks(patch, side: startSide)[startLine], startHunk == endHunk
                else {
                    errors.append("Pull request review thread start line must be part of the same hunk as the line.")
                    continue
                }
            }
            comments.append(
                PostedComment(
                    path: path, line: line, side: side, startLine: startLine, body: text, commitID: pull.headSHA,
                    anchor: Self.lineText(patch, line: line, side: side)))
        }
        if !errors.isEmpty {
            state.withLock { $0.rejected.append(errors) }
            return .json(
                422,
                [
                    "message": "Unprocessable Entity", "errors": errors,
                    "documentation_url":
                        "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
                    "status": "422",
                ])
        }
        let id = state.withLock { state in
            state.nextID += 1
            let reviewID = state.nextID
            var stored = comments
            for index in stored.indices {
                state.nextID += 1
                stored[index].id = state.nextID
            }
            state.reviews.append(
                PostedReview(
                    id: reviewID, commitID: json["commit_id"] as? String, body: body, event: event,
                    comments: stored))
            return reviewID
        }
        let number = pull.json["number"] as? Int ?? 0
        return .json(
            200,
            [
                "id": id, "node_id": "PRR_\(id)", "body": body, "state": event == nil ? "PENDING" : "COMMENTED",
                "commit_id": pull.headSHA,
                "html_url": "https://github.com/\(owner)/\(repo)/pull/\(number)#pullrequestreview-\(id)",
                "user": ["login": "github-actions[bot]", "id": 41_898_282, "type": "Bot"],
                "submitted_at": "2026-11-26T12:00:00Z", "author_association": "NONE",
            ])
    }

    /// The text of `line` on `side` in `patch`, or `nil` when the patch does not show it.
    static func lineText(_ patch: String, line target: Int, side: String) -> String? {
        var old = 0
        var new = 0
        for line in patch.components(separatedBy: "\n") {
            if line.hasPrefix("@@") {
                let fields = line.components(separatedBy: " ")
                old = Int(fields[1].dropFirst().components(separatedBy: ",")[0]) ?? 0
                new = Int(fields[2].dropFirst().components(separatedBy: ",")[0]) ?? 0
                continue
            }
            if line.hasPrefix("\\") { continue }
            let text = String(line.dropFirst())
            if line.hasPrefix("+") {
                if side == "RIGHT" && new == target { return text }
                new += 1
            } else if line.hasPrefix("-") {
                if side == "LEFT" && old == target { return text }
                old += 1
            } else {
                if (side == "RIGHT" ? new : old) == target { return text }
                old += 1
                new += 1
            }
        }
        return nil
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
