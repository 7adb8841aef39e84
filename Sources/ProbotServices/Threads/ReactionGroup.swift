import ProbotCore

/// One GraphQL `ReactionGroup` of a review comment, as ``GraphQLDocuments/reviewThreads(_:after:)`` reads it.
struct ReactionGroup: Decodable, Sendable {
    struct Reactors: Decodable, Sendable {
        struct Node: Decodable, Sendable {
            var typename: String?
            enum CodingKeys: String, CodingKey { case typename = "__typename" }
        }
        var totalCount: Int
        var nodes: [Node?]?
    }

    /// `THUMBS_UP`, `THUMBS_DOWN`, `EYES`, …
    var content: String
    var viewerHasReacted: Bool?
    var reactors: Reactors?

    /// The reactions of people in this group: the total less the bots among the first reactors read, and less
    /// the token's own reaction when it is not one of those bots (a personal token reacts as a user).
    var people: Int {
        guard let reactors else { return 0 }
        let bots = (reactors.nodes ?? []).count { $0?.typename == "Bot" }
        let own = viewerHasReacted == true && bots == 0 ? 1 : 0
        return max(0, reactors.totalCount - bots - own)
    }

    /// 👍 and 👎 by people over `groups`.
    static func people(_ groups: [ReactionGroup]?) -> ReactionCounts {
        let groups = groups ?? []
        return ReactionCounts(
            thumbsUp: groups.filter { $0.content == "THUMBS_UP" }.reduce(0) { $0 + $1.people },
            thumbsDown: groups.filter { $0.content == "THUMBS_DOWN" }.reduce(0) { $0 + $1.people })
    }
}
