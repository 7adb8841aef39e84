/// What earlier runs of the action posted on a pull request, as raw bodies from GitHub.
package struct PriorBodies: Sendable, Equatable {
    /// Top-level review comments (replies excluded).
    package var reviewComments: [String]
    /// Review bodies.
    package var reviews: [String]
    /// Conversation comments with their ids.
    package var issueComments: [(id: Int, body: String)]

    /// Memberwise initialiser.
    package init(reviewComments: [String] = [], reviews: [String] = [], issueComments: [(id: Int, body: String)] = []) {
        self.reviewComments = reviewComments
        self.reviews = reviews
        self.issueComments = issueComments
    }

    package static func == (lhs: PriorBodies, rhs: PriorBodies) -> Bool {
        lhs.reviewComments == rhs.reviewComments && lhs.reviews == rhs.reviews
            && lhs.issueComments.map(\.id) == rhs.issueComments.map(\.id)
            && lhs.issueComments.map(\.body) == rhs.issueComments.map(\.body)
    }
}

/// The state earlier runs left, read from their hidden markers.
package struct PriorReviews: Sendable, Equatable {
    /// How many inline comments carry each fingerprint (a multiset: repeated lines give repeated fingerprints).
    package var inlineFingerprints: [String: Int] = [:]
    /// How many review-body findings carry each fingerprint.
    package var bodyFingerprints: [String: Int] = [:]
    /// The sticky summary comment, when one exists.
    package var summaryCommentID: Int?
    /// The head commit the last run reviewed.
    package var lastReviewedSHA: String?
    /// Files the last run could not review.
    package var pendingPaths: [String] = []

    /// No earlier run.
    package init() {}

    /// Reads the markers out of `bodies`.
    package init(_ bodies: PriorBodies) {
        for body in bodies.reviewComments {
            for value in Markers.values("fp", in: body) { inlineFingerprints[value, default: 0] += 1 }
        }
        for body in bodies.reviews where body.contains(ReviewBodyRenderer.marker) {
            for list in Markers.values("body-fps", in: body) {
                for value in list.split(separator: ",") { bodyFingerprints[String(value), default: 0] += 1 }
            }
        }
        if let summary = bodies.issueComments.first(where: { $0.body.contains(Markers.summary) }) {
            summaryCommentID = summary.id
            lastReviewedSHA = Markers.values("head", in: summary.body).last
            pendingPaths = Markers.pendingPaths(in: summary.body)
        }
    }
}
