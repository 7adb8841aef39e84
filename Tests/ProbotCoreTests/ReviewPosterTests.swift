import ProbotCore
import ProbotTestSupport
import Testing

/// Posting on its own: chunks of 30 inline comments, the 422 body fallback, the 403 stop.
struct ReviewPosterTests {
    static let ref = PullRequestRef(owner: "o", repo: "r", number: 7)

    static func placement(inline count: Int) -> PlacementResult {
        var placement = PlacementResult()
        placement.inline = (1...count).map { line in
            let finding = Finding(
                path: "a.swift", line: line, startLine: nil, side: .right, severity: .minor, title: "T\(line)",
                body: "B",
                suggestion: nil)
            return InlineComment(finding: finding, path: "a.swift", line: line, side: .right, startLine: nil, body: "B")
        }
        return placement
    }

    /// A publisher whose n-th call (1-based) throws the given error.
    final class Publisher: ReviewPublisher, @unchecked Sendable {
        var failures: [Int: any Error]
        var drafts: [ReviewDraft] = []
        init(failures: [Int: any Error] = [:]) { self.failures = failures }
        func publish(_ review: ReviewDraft, to ref: PullRequestRef) async throws -> PublishedReview {
            drafts.append(review)
            if let error = failures[drafts.count] { throw error }
            return PublishedReview(id: drafts.count, htmlURL: nil)
        }
    }

    @Test func over30CommentsGoInSeveralReviews() async {
        let publisher = Publisher()
        let result = await ReviewPoster(publisher: publisher, console: SilentConsole())
            .post(Self.placement(inline: 65), to: Self.ref, commitID: "c") { _ in "body" }
        #expect(publisher.drafts.map(\.comments.count) == [30, 30, 5])
        #expect(result.reviews.count == 3)
        #expect(result.placement.inline.count == 65)
        #expect(result.failure == nil)
    }

    @Test func aRejectedChunkIsPostedAgainWithItsCommentsInTheBody() async {
        let publisher = Publisher(failures: [2: PublishError.rejected(["Line could not be resolved"])])
        let result = await ReviewPoster(publisher: publisher, console: SilentConsole())
            .post(Self.placement(inline: 40), to: Self.ref, commitID: "c") { _ in "body" }
        // First chunk posted, second rejected, then posted again as a body-only continuation.
        #expect(publisher.drafts.map(\.comments.count) == [30, 10, 0])
        #expect(publisher.drafts[2].body.contains("GitHub rejected these as inline comments"))
        #expect(result.usedBodyFallback)
        #expect(result.placement.inline.count == 30)
        #expect(result.placement.body.count == 10)
        #expect(result.placement.body.allSatisfy { $0.reason == .rejectedInline })
        #expect(result.diagnostics.count == 1)
    }

    @Test func aForbiddenPostStopsAndKeepsEveryFinding() async {
        let publisher = Publisher(failures: [1: PublishError.forbidden("Resource not accessible by integration")])
        let result = await ReviewPoster(publisher: publisher, console: SilentConsole())
            .post(Self.placement(inline: 35), to: Self.ref, commitID: "c") { _ in "body" }
        #expect(publisher.drafts.count == 1)
        #expect(result.blocked == "Resource not accessible by integration")
        #expect(result.placement.inline.count == 35)
        #expect(result.reviews.isEmpty)
        #expect(result.failure == nil)
    }

    @Test func anUnexpectedErrorIsAPostingFailureWithWhatWasPosted() async {
        struct Boom: Error, CustomStringConvertible { var description: String { "connection reset" } }
        let publisher = Publisher(failures: [2: Boom()])
        let result = await ReviewPoster(publisher: publisher, console: SilentConsole())
            .post(Self.placement(inline: 31), to: Self.ref, commitID: "c") { _ in "body" }
        #expect(result.reviews.count == 1)
        #expect(result.failure == .postingFailed("connection reset"))
        #expect(result.placement.inline.count == 31)
    }

    @Test(arguments: [
        (inline: 0, alreadyPosted: 1, requests: 1, last: "a", head: "b", expected: true),
        (inline: 0, alreadyPosted: 0, requests: 0, last: "a", head: "b", expected: true),
        (inline: 0, alreadyPosted: 0, requests: 1, last: "b", head: "b", expected: true),
        (inline: 0, alreadyPosted: 0, requests: 1, last: "a", head: "b", expected: false),
        (inline: 1, alreadyPosted: 1, requests: 1, last: "b", head: "b", expected: false),
    ])
    func nothingNewRule(
        _ row: (inline: Int, alreadyPosted: Int, requests: Int, last: String, head: String, expected: Bool)
    ) {
        var placement = row.inline > 0 ? Self.placement(inline: row.inline) : PlacementResult()
        placement.alreadyPosted = Self.placement(inline: max(1, row.alreadyPosted)).inline.prefix(row.alreadyPosted)
            .map(\.finding)
        #expect(
            ReviewPoster.nothingNew(placement, requests: row.requests, commitID: row.head, lastReviewedSHA: row.last)
                == row.expected)
    }
}
