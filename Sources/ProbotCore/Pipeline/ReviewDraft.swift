/// A review ready to post: `POST /repos/{o}/{r}/pulls/{n}/reviews` with `event: COMMENT`.
package struct ReviewDraft: Sendable, Equatable {
    /// The head commit reviewed (`pull_request.head.sha`, never `GITHUB_SHA`).
    package var commitID: String
    package var body: Markdown
    package var comments: [InlineComment]

    /// Memberwise initialiser.
    package init(commitID: String, body: Markdown, comments: [InlineComment]) {
        self.commitID = commitID
        self.body = body
        self.comments = comments
    }
}

/// A posted review.
package struct PublishedReview: Sendable, Equatable {
    package var id: Int
    package var htmlURL: String?

    /// Memberwise initialiser.
    package init(id: Int, htmlURL: String?) {
        self.id = id
        self.htmlURL = htmlURL
    }
}

/// Why posting failed in a way the pipeline can act on.
package enum PublishError: Error, Equatable, CustomStringConvertible {
    /// GitHub answered 422: the whole review was rejected (usually a comment off the diff).
    case rejected([String])
    /// GitHub refused to let this token post (403 that is not a rate limit): a read-only token, e.g. a fork PR.
    case forbidden(String)

    package var description: String {
        switch self {
        case .rejected(let messages):
            "GitHub rejected the review (422): "
                + (messages.isEmpty ? "no reason given" : messages.joined(separator: "; "))
        case .forbidden(let message):
            "GitHub did not let this token post the review (403: \(message)); grant `pull-requests: write`, or use `pull_request_target` for fork PRs"
        }
    }
}
