import Foundation

/// A review thread on a pull request, as GitHub's GraphQL API describes it.
package struct ReviewThread: Sendable, Equatable {
    /// The GraphQL node id, for `resolveReviewThread`.
    package var id: String
    package var isResolved: Bool
    /// GitHub's own judgement that later commits changed the commented line.
    package var isOutdated: Bool
    package var path: String
    package var line: Int?
    package var originalLine: Int?
    /// Oldest first.
    package var comments: [ThreadComment]

    /// Memberwise initialiser.
    package init(
        id: String, isResolved: Bool, isOutdated: Bool, path: String, line: Int?, originalLine: Int?,
        comments: [ThreadComment]
    ) {
        self.id = id
        self.isResolved = isResolved
        self.isOutdated = isOutdated
        self.path = path
        self.line = line
        self.originalLine = originalLine
        self.comments = comments
    }

    /// Whether this action started the thread: the token's identity wrote its first comment, which carries a
    /// finding's fingerprint. Threads of other authors are never touched.
    package var isOurs: Bool {
        guard let root = comments.first else { return false }
        return root.byViewer && !Markers.find(in: root.body).values("fp").isEmpty
    }

    /// The fingerprint of the finding the first comment posted (its `fp` marker).
    package var fingerprint: String? {
        guard let root = comments.first, root.byViewer else { return nil }
        return Markers.find(in: root.body).values("fp").first
    }

    /// The finding's title as the first comment shows it (`🟠 **Title** · _major_`).
    package var findingTitle: String? {
        guard let body = comments.first?.body, let open = body.range(of: "**"),
            let close = body.range(of: "**", range: open.upperBound..<body.endIndex)
        else { return nil }
        return String(body[open.upperBound..<close.lowerBound])
    }

    /// The comments people wrote after this action's last word (bots other than this action ignored).
    package var repliesSinceOurLastWord: [ThreadComment] {
        let last = comments.lastIndex { $0.byViewer } ?? -1
        return comments.dropFirst(last + 1).filter { !$0.byViewer && !$0.authorIsBot }
    }
}

/// A comment in a review thread.
package struct ThreadComment: Sendable, Equatable {
    /// The REST id (`databaseId`), for replies.
    package var id: Int
    package var body: String
    package var author: String
    /// The author is a bot account (other apps, `github-actions[bot]` when not the viewer).
    package var authorIsBot: Bool
    /// The token's identity wrote it (GraphQL `viewerDidAuthor`).
    package var byViewer: Bool
    /// The author's association with the repository (`OWNER`, `MEMBER`, `COLLABORATOR`, …), when read.
    package var association: String?
    /// 👍 and 👎 by people (this action's own left out).
    package var reactions: ReactionCounts
    /// The comment's web address, when read.
    package var url: String?

    /// Memberwise initialiser.
    package init(
        id: Int, body: String, author: String, authorIsBot: Bool, byViewer: Bool, association: String? = nil,
        reactions: ReactionCounts = .none, url: String? = nil
    ) {
        self.id = id
        self.body = body
        self.author = author
        self.authorIsBot = authorIsBot
        self.byViewer = byViewer
        self.association = association
        self.reactions = reactions
        self.url = url
    }

    /// Whether a person's reply says the problem is fixed ("fixed", "done", "addressed", "resolved").
    package var saysFixed: Bool {
        let words = Set(body.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        return !words.isDisjoint(with: ["fixed", "done", "addressed", "resolved"])
    }
}

/// Reads and resolves review threads (GitHub's GraphQL API in production).
package protocol ReviewThreadStore: Sendable {
    /// Every review thread of the pull request, paginated.
    func threads(_ ref: PullRequestRef) async throws -> [ReviewThread]
    /// Resolves a thread.
    /// - Throws: ``ThreadStoreError/forbidden(_:)`` when the token may not resolve threads.
    func resolve(threadID: String) async throws
    /// Replies in the thread that starts with `rootCommentID`; returns the reply's URL.
    func reply(_ ref: PullRequestRef, rootCommentID: Int, body: Markdown) async throws -> String?
}

/// Why a thread could not be changed.
package enum ThreadStoreError: Error, Equatable, CustomStringConvertible {
    /// GraphQL `FORBIDDEN`: the token lacks the permission.
    case forbidden(String)

    package var description: String {
        switch self {
        case .forbidden(let message):
            "GitHub did not let this token resolve review threads (\(message)); grant `pull-requests: write` to resolve fixed findings"
        }
    }
}
