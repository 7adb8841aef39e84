import Foundation
import Synchronization

/// What a test does on GitHub's side for the learnings: people react to review comments, a maintainer edits or
/// deletes a comment on an issue.
extension FakeGitHubServer {
    /// `login` reacts with `content` (`+1`, `-1`, …) to review comment `commentID`, as GitHub stores it: one
    /// reaction per person and content.
    package func addReaction(commentID: Int, content: String, by login: String, isBot: Bool = false) {
        state.withLock { state in
            let reaction = PersonReaction(commentID: commentID, content: content, login: login, isBot: isBot)
            if !state.personReactions.contains(reaction) { state.personReactions.append(reaction) }
        }
    }

    /// A maintainer edits comment `id` (its author stays who wrote it, as on GitHub).
    package func editIssueComment(id: Int, body: String) {
        state.withLock { state in
            guard let index = state.issueComments.firstIndex(where: { $0.id == id }) else { return }
            state.issueComments[index].body = body
        }
    }

    /// A maintainer deletes comment `id`.
    package func deleteIssueComment(id: Int) {
        state.withLock { $0.issueComments.removeAll { $0.id == id } }
    }

    /// Seeds a comment by `author` on issue `number`; returns its id.
    @discardableResult
    package func addIssueComment(on number: Int, body: String, author: String) -> Int {
        state.withLock { state in
            state.nextID += 1
            state.issueComments.append(IssueComment(id: state.nextID, body: body, author: author, issue: number))
            return state.nextID
        }
    }

    /// The comments on issue (or pull request) `number`, oldest first.
    package func issueComments(on number: Int) -> [IssueComment] {
        state.withLock { $0.issueComments.filter { $0.issue == number } }
    }

    /// GraphQL `reactionGroups` of review comment `id`: the action's own reactions (through the API, as its bot)
    /// and people's, one group per content with a reaction, `reactors(first: 10)` typed.
    func reactionGroups(of id: Int) -> [[String: Any]] {
        let (own, people) = state.withLock { state in
            (
                state.reactions.filter { $0.hasPrefix("pulls:\(id):") }.map { String($0.split(separator: ":")[2]) },
                state.personReactions.filter { $0.commentID == id }
            )
        }
        let names = [
            "+1": "THUMBS_UP", "-1": "THUMBS_DOWN", "laugh": "LAUGH", "confused": "CONFUSED", "heart": "HEART",
            "hooray": "HOORAY", "rocket": "ROCKET", "eyes": "EYES",
        ]
        return names.sorted { $0.value < $1.value }.compactMap { content, name -> [String: Any]? in
            let types =
                own.filter { $0 == content }.map { _ in "Bot" }
                + people.filter { $0.content == content }.map { $0.isBot ? "Bot" : "User" }
            guard !types.isEmpty else { return nil }
            return [
                "content": name, "viewerHasReacted": own.contains(content),
                "reactors": ["totalCount": types.count, "nodes": types.prefix(10).map { ["__typename": $0] }],
            ]
        }
    }
}
