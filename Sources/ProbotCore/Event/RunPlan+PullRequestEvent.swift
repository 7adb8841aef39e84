/// The plan of a `pull_request` or `pull_request_target` event: which activity types, states and drafts are reviewed.
extension RunPlan {
    /// The pull-request activity types that trigger a review.
    /// `labeled`, `unlabeled` and `edited` re-evaluate the repository's skip rules (labels, title keywords); an
    /// unchanged head then costs no model call with `incremental`.
    package static let reviewedActions: Set<String> = [
        "opened", "synchronize", "reopened", "ready_for_review", "labeled", "unlabeled", "edited",
    ]

    /// Decides from the event name and payload: a review of the event's pull request, or a skip with the reason.
    /// - Throws: ``EventError`` when a pull-request payload lacks what a review needs.
    package static func pullRequestEvent(eventName: String?, event: GitHubEvent) throws(EventError) -> RunPlan {
        guard let eventName, ["pull_request", "pull_request_target"].contains(eventName) else {
            return .skip(
                "event `\(eventName ?? "unknown")` is not handled yet; ChatGPT Probot reviews `pull_request` and `pull_request_target` events"
            )
        }
        guard let pullRequest = event.pullRequest else {
            throw .malformed("a `\(eventName)` payload has no `pull_request` object")
        }
        if let action = event.action, !reviewedActions.contains(action) {
            return .skip(
                "pull request action `\(action)` is not reviewed (reviewed: \(reviewedActions.sorted().joined(separator: ", ")))"
            )
        }
        if pullRequest.state != "open" {
            return .skip(
                "pull request #\(pullRequest.number) is \(pullRequest.state); only open pull requests are reviewed")
        }
        if pullRequest.draft == true {
            return .skip(
                "pull request #\(pullRequest.number) is a draft; it will be reviewed when marked ready for review")
        }
        let fullName = event.repository?.fullName ?? pullRequest.base.repo?.fullName
        guard let fullName, let ref = PullRequestRef(fullName: fullName, number: pullRequest.number) else {
            throw .malformed("the payload names no repository (`repository.full_name`)")
        }
        return .review(ref, payload: pullRequest)
    }
}
