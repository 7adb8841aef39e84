import Foundation

/// A GitHub REST call that answered with an error status.
package struct GitHubAPIError: Error, Equatable, CustomStringConvertible {
    /// What was attempted, e.g. `list files of o/r#1`.
    package var operation: String
    package var status: Int
    /// GitHub's `message`.
    package var message: String
    /// GitHub's `errors[]`, strings and objects flattened to text.
    package var errors: [String]

    package var description: String {
        var text = "GitHub \(operation) failed with \(status)"
        if !message.isEmpty { text += ": \(message)" }
        if !errors.isEmpty { text += " (\(errors.joined(separator: "; ")))" }
        if let hint { text += ". \(hint)" }
        return text
    }

    /// What a user can do about common statuses.
    private var hint: String? {
        switch status {
        case 401: return "Check `github-token`."
        case 403 where message.localizedCaseInsensitiveContains("not accessible by integration"):
            return
                "The token is read-only here: grant `permissions: pull-requests: write`, or on fork PRs use `pull_request_target`."
        case 404: return "Check the repository, the PR number and the token's access."
        default: return nil
        }
    }

    /// Decodes GitHub's error envelope; `errors[]` may hold strings (reviews) or objects (most endpoints).
    package init(operation: String, response: TransportResponse) {
        self.operation = operation
        self.status = response.status
        let json = try? JSONDecoder().decode(ErrorEnvelope.self, from: response.body)
        self.message = json?.message ?? String(response.text.prefix(200))
        self.errors = json?.errors?.map(\.text) ?? []
    }

    private struct ErrorEnvelope: Decodable {
        var message: String?
        var errors: [ErrorItem]?
    }

    private enum ErrorItem: Decodable {
        case text(String)
        case object(resource: String?, field: String?, code: String?, message: String?)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
                return
            }
            let object = try container.decode([String: String?].self)
            self = .object(
                resource: object["resource"] ?? nil, field: object["field"] ?? nil, code: object["code"] ?? nil,
                message: object["message"] ?? nil)
        }

        var text: String {
            switch self {
            case .text(let text): return text
            case .object(let resource, let field, let code, let message):
                if let message { return message }
                return [resource, field, code].compactMap { $0 }.joined(separator: " ")
            }
        }
    }
}
