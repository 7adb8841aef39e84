/// Posts a review's new findings: reviews of at most 30 inline comments; on a 422 a chunk is posted again with its
/// comments in the body; on a 403 nothing more is attempted and the findings stay for annotations.
package struct ReviewPoster: Sendable {
    package var publisher: any ReviewPublisher
    package var console: any RunConsole

    /// Memberwise initialiser.
    package init(publisher: any ReviewPublisher, console: any RunConsole) {
        self.publisher = publisher
        self.console = console
    }

    /// What posting did.
    package struct Result: Sendable, Equatable {
        /// Every review posted, in order.
        package var reviews: [PublishedReview] = []
        /// The placement as it ended up: comments GitHub refused inline are in the body, comments never sent
        /// (after a 403 or a failure) stay inline.
        package var placement: PlacementResult
        /// Posting was refused (a read-only token).
        package var blocked: String?
        /// GitHub rejected inline comments and they were posted in the body instead.
        package var usedBodyFallback = false
        package var diagnostics: [Diagnostic] = []
        /// The review could not be posted at all past this point.
        package var failure: RunError?
    }

    /// Posts `placement` on `commitID`.
    /// - Parameter renderBody: the first review's body for a placement (it changes when comments move to the body).
    package func post(
        _ placement: PlacementResult, to ref: PullRequestRef, commitID: String,
        renderBody: (PlacementResult) -> Markdown
    ) async -> Result {
        var result = Result(placement: placement)
        let allInline = placement.inline
        let drafts = ReviewChunker.drafts(commitID: commitID, body: renderBody(placement), comments: allInline)
        var kept: [InlineComment] = []
        for (index, draft) in drafts.enumerated() {
            let size = ReviewChunker.commentsPerReview
            let range = (index * size)..<min(allInline.count, (index + 1) * size)
            let chunk = range.isEmpty ? [] : Array(allInline[range])
            do {
                result.reviews.append(try await publisher.publish(draft, to: ref))
                kept += chunk
            } catch PublishError.forbidden(let message) {
                result.blocked = message
                result.diagnostics.append(.warning(PublishError.forbidden(message).description))
                result.placement.inline = kept + allInline[range.lowerBound...]
                return result
            } catch let error as PublishError {
                // GitHub rejects a whole review for one bad comment: post this part again with its comments in the body.
                result.usedBodyFallback = true
                result.placement.body += chunk.map {
                    var item = BodyFinding(finding: $0.finding, reason: .rejectedInline)
                    item.fingerprint = $0.fingerprint
                    return item
                }
                result.placement.inline = kept + allInline[range.upperBound...]
                result.diagnostics.append(
                    .warning("\(error.description); the findings were posted in the review body instead"))
                let body =
                    index == 0
                    ? renderBody(result.placement)
                    : ReviewBodyRenderer.render(rejectedOnly: chunk, repository: "\(ref.owner)/\(ref.repo)")
                do {
                    result.reviews.append(
                        try await publisher.publish(ReviewDraft(commitID: commitID, body: body, comments: []), to: ref))
                } catch {
                    result.failure = .postingFailed(String(describing: error))
                    return result
                }
            } catch {
                result.placement.inline = kept + allInline[range.lowerBound...]
                result.failure = .postingFailed(String(describing: error))
                return result
            }
        }
        result.placement.inline = kept
        if let review = result.reviews.first {
            console.info(
                "posted \(result.reviews.count) review(s) with \(kept.count) inline comment(s)"
                    + (review.htmlURL.map { ": \($0)" } ?? ""))
        }
        return result
    }

    /// Whether there is nothing new to say: no new findings, and either every finding was posted before, nothing
    /// needed review, or this very commit was reviewed already (a re-run). A new commit with no findings still
    /// gets its review.
    package static func nothingNew(
        _ placement: PlacementResult, requests: Int, commitID: String, lastReviewedSHA: String?
    ) -> Bool {
        placement.inline.isEmpty && placement.body.isEmpty
            && (!placement.alreadyPosted.isEmpty || requests == 0 || lastReviewedSHA == commitID)
    }
}
