package import ProbotCore
import Synchronization

/// An in-memory ``PullRequestSource`` and ``ReviewPublisher`` for core pipeline tests.
package final class InMemoryGitHub: PullRequestSource, ReviewPublisher, Sendable {
    private let pullRequestValue: PullRequestPayload
    private let files: [ChangedFile]
    private let state = Mutex<(drafts: [ReviewDraft], rejectionsLeft: Int)>(([], 0))

    /// Serves `pullRequest` with `files`; the first `rejections` publishes fail with a 422.
    package init(pullRequest: PullRequestPayload, files: [ChangedFile], rejections: Int = 0) {
        self.pullRequestValue = pullRequest
        self.files = files
        state.withLock { $0.rejectionsLeft = rejections }
    }

    /// Every draft published (including rejected ones), in order.
    package var drafts: [ReviewDraft] { state.withLock { $0.drafts } }

    package func pullRequest(_ ref: PullRequestRef) async throws -> PullRequestPayload { pullRequestValue }

    package func changedFiles(_ ref: PullRequestRef) async throws -> [ChangedFile] { files }

    package func publish(_ review: ReviewDraft, to ref: PullRequestRef) async throws -> PublishedReview {
        let reject = state.withLock { state -> Bool in
            state.drafts.append(review)
            guard state.rejectionsLeft > 0 else { return false }
            state.rejectionsLeft -= 1
            return true
        }
        if reject { throw PublishError.rejected(["Pull request review thread line must be part of the diff"]) }
        return PublishedReview(
            id: drafts.count, htmlURL: "https://github.com/o/r/pull/\(ref.number)#pullrequestreview-\(drafts.count)")
    }
}
