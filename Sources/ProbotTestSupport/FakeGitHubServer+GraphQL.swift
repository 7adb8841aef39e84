import Foundation
import Synchronization

/// `POST /graphql` for the one query shape the action sends: blobs by `object(expression: $eN)` aliases, with
/// `text`, `isBinary`, `byteSize` and `isTruncated` (GitHub's `Blob` fields), and `null` for a missing object.
extension FakeGitHubServer {
    func graphQL(_ request: ReceivedRequest) -> Reply {
        if let injected = takeFault(request) { return injected }
        guard let json = request.json as? [String: Any], let query = json["query"] as? String,
            let variables = json["variables"] as? [String: String]
        else {
            return .json(400, ["message": "Problems parsing JSON"])
        }
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
