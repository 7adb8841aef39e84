/// Reads a pull request and its changed files (GitHub's REST API in production).
package protocol PullRequestSource: Sendable {
    /// `GET /repos/{o}/{r}/pulls/{n}`.
    func pullRequest(_ ref: PullRequestRef) async throws -> PullRequestPayload
    /// Every page of `GET /repos/{o}/{r}/pulls/{n}/files`.
    func changedFiles(_ ref: PullRequestRef) async throws -> [ChangedFile]
}

/// Answers chat requests (OpenAI's Chat Completions API in production).
package protocol ChatModel: Sendable {
    /// Sends one request and returns the first choice.
    func complete(_ request: ChatRequest) async throws -> ChatCompletion
}

/// Posts a review (GitHub's create-review endpoint in production).
package protocol ReviewPublisher: Sendable {
    /// Posts `review`; throws ``PublishError/rejected(_:)`` when GitHub answers 422.
    func publish(_ review: ReviewDraft, to ref: PullRequestRef) async throws -> PublishedReview
}

/// Progress lines and annotations for the person reading the log.
package protocol RunConsole: Sendable {
    /// Opens a collapsible section.
    func beginGroup(_ title: String)
    /// Closes the open section.
    func endGroup()
    /// A plain log line.
    func info(_ text: String)
    /// A notice annotation.
    func notice(_ text: String)
    /// A warning annotation.
    func warning(_ text: String)
}

/// Reads what earlier runs posted (review comments, reviews, conversation comments).
package protocol ReviewHistorySource: Sendable {
    /// Raw bodies of everything that may carry this action's markers.
    func priorBodies(_ ref: PullRequestRef) async throws -> PriorBodies
}

/// Keeps one summary comment on the pull request's conversation, updated in place.
package protocol StickySummaryStore: Sendable {
    /// Creates the comment, or edits `existingID`; returns its id.
    func upsertSummary(_ ref: PullRequestRef, body: Markdown, existingID: Int?) async throws -> Int
}

/// Edits a pull request's description (GitHub's update-pull-request endpoint in production).
package protocol DescriptionStore: Sendable {
    /// Replaces the description with `body`.
    func updateDescription(_ ref: PullRequestRef, body: Markdown) async throws
}

/// Lists the files changed between two commits.
package protocol ChangeComparer: Sendable {
    /// Paths changed from `base` to `head`, or `nil` when `base` is unreachable from `head` (a force-push) or the
    /// comparison is too large to trust.
    func changedPaths(_ ref: PullRequestRef, base: String, head: String) async throws -> [String]?
}
