/// The learnings issue's title and body: what it is, how to edit and forget, and the acceptance table.
package enum LearningsIssueRenderer {
    /// The label of the learnings issue.
    package static let label = "chatgpt-probot-learnings"
    /// The issue's title.
    package static let title = "ChatGPT Probot: what the team taught the reviewer"

    /// The body for `entries` (the acceptance entries to keep, in their marker form too).
    package static func body(_ entries: [AcceptanceEntry]) -> Markdown {
        var out: Markdown = """
            ## 🤖 What the team taught ChatGPT Probot

            Each comment below is one **learning**: when a person whose association may run commands explained in \
            a review thread why a finding was wrong (intended behaviour, handled elsewhere, a house rule), the \
            reviewer conceded, resolved the thread and wrote the rule here. Every later review puts the rules \
            whose scope matches a file into the requests showing that file.

            - **Change a rule:** edit the comment's first paragraph; it is the rule as the reviewer reads it. The \
            scope is the `learning-scope=` value in the hidden block (visible when editing).
            - **Forget a rule:** delete the comment.
            - Only comments written by the reviewer's own account count; comments by others are discussion.

            ### Acceptance by finding, last \(AcceptanceTable.recentPullRequests) pull requests


            """
        out += AcceptanceTable.render(entries)
        out += "\n*Fixed* means the thread was resolved without the reviewer conceding; *dismissed*, that it "
        out += "conceded; 👍 and 👎 count people's reactions on the finding's comment.\n\n"
        out += Markers.trusted(Markers.learningsIssue) + "\n"
        for entry in entries { out += Markers.acceptance(entry) + "\n" }
        return out
    }

    /// The acceptance entries a body (written by this action) keeps.
    package static func entries(in body: String) -> [AcceptanceEntry] {
        Markers.find(in: body).values("acceptance").compactMap(AcceptanceEntry.init(marker:))
    }
}
