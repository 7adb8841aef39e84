/// A comment or review body as GitHub listed it, with who wrote it.
package struct AuthoredBody: Sendable, Equatable {
    package var id: Int
    /// The author's login as GitHub's REST API gives it (`github-actions[bot]`, `octocat`).
    package var author: String
    package var body: String

    /// Memberwise initialiser.
    package init(id: Int, author: String, body: String) {
        self.id = id
        self.author = author
        self.body = body
    }
}

/// Who this action acts as on GitHub: the login of its token (GraphQL `viewer`).
///
/// Only bodies this identity wrote are read for markers; everyone else's are ignored and never edited.
package struct ActingIdentity: Sendable, Equatable {
    /// The login, without GitHub's `[bot]` suffix, lower-cased.
    package var login: String

    /// The identity of `login` (`github-actions`, `github-actions[bot]`, `my-app[bot]`, `octocat`).
    package init(login: String) {
        let lowered = login.lowercased()
        self.login = lowered.hasSuffix("[bot]") ? String(lowered.dropLast(5)) : lowered
    }

    /// The identity of the default `GITHUB_TOKEN`, assumed when the token's own login cannot be read.
    package static let githubActions = ActingIdentity(login: "github-actions[bot]")

    /// Whether `author` (a REST or GraphQL login) is this identity.
    package func wrote(_ author: String) -> Bool { ActingIdentity(login: author).login == login }
}

/// What is on a pull request that may carry this action's markers, as raw bodies from GitHub.
package struct PriorBodies: Sendable, Equatable {
    /// Who this action is; only its own bodies count.
    package var identity: ActingIdentity
    /// Top-level review comments (replies excluded).
    package var reviewComments: [AuthoredBody]
    /// Review bodies.
    package var reviews: [AuthoredBody]
    /// Conversation comments.
    package var issueComments: [AuthoredBody]

    /// Memberwise initialiser.
    package init(
        identity: ActingIdentity, reviewComments: [AuthoredBody] = [], reviews: [AuthoredBody] = [],
        issueComments: [AuthoredBody] = []
    ) {
        self.identity = identity
        self.reviewComments = reviewComments
        self.reviews = reviews
        self.issueComments = issueComments
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

    /// Reads the markers out of the bodies this action's identity wrote; all others are ignored.
    package init(_ bodies: PriorBodies) {
        let own = { (items: [AuthoredBody]) in items.filter { bodies.identity.wrote($0.author) } }
        for item in own(bodies.reviewComments) {
            for value in Markers.find(in: item.body).values("fp") { inlineFingerprints[value, default: 0] += 1 }
        }
        for item in own(bodies.reviews) {
            let markers = Markers.find(in: item.body)
            guard markers.contains("review") else { continue }
            for list in markers.values("body-fps") {
                for value in list.split(separator: ",") { bodyFingerprints[String(value), default: 0] += 1 }
            }
        }
        for item in own(bodies.issueComments) {
            let markers = Markers.find(in: item.body)
            guard markers.contains("summary") else { continue }
            summaryCommentID = item.id
            lastReviewedSHA = markers.values("head").last
            pendingPaths = markers.pendingPaths
            break
        }
    }
}
