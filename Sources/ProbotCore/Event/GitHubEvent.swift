package import Foundation

/// The subset of a webhook payload (`GITHUB_EVENT_PATH`) that ChatGPT Probot reads.
package struct GitHubEvent: Decodable, Sendable, Equatable {
    /// The activity type, e.g. `opened` or `synchronize`.
    package var action: String?
    /// The PR number on `pull_request` events.
    package var number: Int?
    /// The pull request, on `pull_request` and `pull_request_target` events.
    package var pullRequest: PullRequestPayload?
    /// The repository the workflow runs in.
    package var repository: RepositoryPayload?
    /// The issue (or pull request, as an issue) of an `issue_comment` event.
    package var issue: IssuePayload?
    /// The comment of `issue_comment` and `pull_request_review_comment` events.
    package var comment: CommentPayload?
    /// Who triggered the event.
    package var sender: UserPayload?
    /// `workflow_dispatch` inputs (strings; `null` when the workflow declares none).
    package var inputs: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case action, number, repository, issue, comment, sender, inputs
        case pullRequest = "pull_request"
    }

    /// Decodes a payload, explaining what is wrong when it is not a webhook object.
    /// - Throws: ``EventError/malformed(_:)``.
    package static func decode(_ data: Data) throws(EventError) -> GitHubEvent {
        do {
            return try JSONDecoder().decode(GitHubEvent.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(error.humanDescription)
        } catch {
            throw .malformed(String(describing: error))
        }
    }
}

/// A pull request as GitHub returns it from `GET /pulls/{n}` and in webhook payloads.
package struct PullRequestPayload: Codable, Sendable, Equatable {
    package var number: Int
    package var state: String
    package var draft: Bool?
    package var title: String
    package var body: String?
    package var head: BranchRef
    package var base: BranchRef
    /// Number of changed files; absent in some trimmed payloads.
    package var changedFiles: Int?
    package var htmlURL: String?
    /// The labels, for the configuration's skip rules.
    package var labels: [Label]?
    /// The author, for the configuration's skip rules.
    package var user: Account?

    /// A label of the pull request.
    package struct Label: Codable, Sendable, Equatable {
        package var name: String
    }

    /// A GitHub account.
    package struct Account: Codable, Sendable, Equatable {
        package var login: String
    }

    enum CodingKeys: String, CodingKey {
        case number, state, draft, title, body, head, base, labels, user
        case changedFiles = "changed_files"
        case htmlURL = "html_url"
    }

    /// Memberwise initialiser for tests and fakes.
    package init(
        number: Int, state: String = "open", draft: Bool? = false, title: String, body: String? = nil,
        head: BranchRef, base: BranchRef, changedFiles: Int? = nil, htmlURL: String? = nil
    ) {
        self.number = number
        self.state = state
        self.draft = draft
        self.title = title
        self.body = body
        self.head = head
        self.base = base
        self.changedFiles = changedFiles
        self.htmlURL = htmlURL
    }

    /// Whether the head branch lives in another repository (a fork).
    package var isFromFork: Bool {
        guard let headRepo = head.repo?.fullName, let baseRepo = base.repo?.fullName else { return false }
        return headRepo.lowercased() != baseRepo.lowercased()
    }
}

/// `head` or `base` of a pull request.
package struct BranchRef: Codable, Sendable, Equatable {
    package var sha: String
    package var ref: String
    /// `null` when the fork was deleted.
    package var repo: RepositoryPayload?

    /// Memberwise initialiser.
    package init(sha: String, ref: String, repo: RepositoryPayload?) {
        self.sha = sha
        self.ref = ref
        self.repo = repo
    }
}

/// An issue in an `issue_comment` payload; `pullRequest` is set when the issue is a pull request.
package struct IssuePayload: Codable, Sendable, Equatable {
    package var number: Int
    package var title: String
    package var body: String?
    package var pullRequest: JSONValue?

    enum CodingKeys: String, CodingKey {
        case number, title, body
        case pullRequest = "pull_request"
    }

    /// Whether the issue is a pull request.
    package var isPullRequest: Bool { pullRequest != nil && pullRequest != .null }
}

/// A comment in `issue_comment` and `pull_request_review_comment` payloads.
package struct CommentPayload: Codable, Sendable, Equatable {
    package var id: Int
    package var body: String
    package var user: UserPayload?
    /// `OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `FIRST_TIME_CONTRIBUTOR`, `NONE`, …
    package var authorAssociation: String?
    /// Review comments only: the hunk the comment is on.
    package var diffHunk: String?
    /// Review comments only.
    package var path: String?
    package var line: Int?
    package var inReplyToID: Int?

    enum CodingKeys: String, CodingKey {
        case id, body, user, path, line
        case authorAssociation = "author_association"
        case diffHunk = "diff_hunk"
        case inReplyToID = "in_reply_to_id"
    }
}

/// A user or bot.
package struct UserPayload: Codable, Sendable, Equatable {
    package var login: String
    /// `User`, `Bot` or `Organization`.
    package var type: String?
}

/// A repository object in a payload.
package struct RepositoryPayload: Codable, Sendable, Equatable {
    /// `owner/name`.
    package var fullName: String

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name"
    }

    /// Memberwise initialiser.
    package init(fullName: String) {
        self.fullName = fullName
    }
}

extension DecodingError {
    /// A one-line explanation naming the JSON path.
    package var humanDescription: String {
        func path(_ context: Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".")
            return joined.isEmpty ? "the top level" : "`\(joined)`"
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "missing key `\(key.stringValue)` at \(path(context))"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not a \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null, expected \(type)"
        case .dataCorrupted(let context):
            return "invalid JSON at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: self)
        }
    }
}
