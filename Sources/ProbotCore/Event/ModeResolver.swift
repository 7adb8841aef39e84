/// Resolves the run plan. The table it implements is documented in the README.
package enum ModeResolver {
    /// - Parameters:
    ///   - repository: `GITHUB_REPOSITORY` (`owner/name`), used when the payload names none.
    ///   - pullRequest: the `pull-request` input (a number or a PR URL), if set.
    /// - Throws: ``EventError`` for payloads that lack what the chosen mode needs.
    package static func resolve(
        eventName: String?, event: GitHubEvent, mode: ModeInput, pullRequest: String?, repository: String?,
        allowedAssociations: Set<String> = InputDefaults.allowedAssociations,
        replyInThreads: Bool = InputDefaults.replyInThreads
    ) throws(EventError) -> RunPlan {
        let fullName = event.repository?.fullName ?? repository
        let name = eventName ?? "unknown"
        // One gate for every comment event, whatever `mode` and `pull-request` say: a new comment, by a person
        // whose association is allowed, carrying a command (or replying in a review thread).
        if commentEvents.contains(name) {
            let gate = try CommentGate.check(
                event, eventName: name, allowed: allowedAssociations, replyInThreads: replyInThreads)
            if case .closed(let reason) = gate { return .skip(reason) }
            if mode != .chat && mode != .auto && gate.command != .review {
                return .skip("on `\(name)` events `mode: \(mode.rawValue)` runs only for a `/review` command")
            }
        }
        // An explicit pull request wins for review and auto, on any event (scripts, dispatch, schedule).
        let requested = pullRequest ?? dispatchPullRequest(event)
        if let requested, mode == .review || (mode == .auto && !commentEvents.contains(name)) {
            return .review(try parsePullRequest(requested, defaultRepository: fullName), payload: nil)
        }
        switch mode {
        case .audit:
            guard let fullName else { throw .badRepository(repository ?? "") }
            return .audit(repository: fullName)
        case .chat:
            guard ["issue_comment", "pull_request_review_comment"].contains(name) else {
                return .skip("`mode: chat` answers comment commands; event `\(name)` has no comment")
            }
            return try command(
                event, eventName: name, repository: fullName, allowed: allowedAssociations,
                replyInThreads: replyInThreads)
        case .review:
            return try reviewPlan(eventName: name, event: event, repository: fullName)
        case .auto:
            return try autoPlan(
                eventName: name, event: event, repository: fullName, fallback: repository,
                allowedAssociations: allowedAssociations, replyInThreads: replyInThreads)
        }
    }

    /// `mode: review` without a `pull-request` input: the event's pull request, or `/review` on its conversation.
    static func reviewPlan(eventName name: String, event: GitHubEvent, repository fullName: String?)
        throws(EventError) -> RunPlan
    {
        if ["pull_request", "pull_request_target"].contains(name) {
            return try RunPlan.pullRequestEvent(eventName: name, event: event)
        }
        if name == "issue_comment", let issue = event.issue, issue.isPullRequest, let fullName,
            let ref = PullRequestRef(fullName: fullName, number: issue.number)
        {
            return .review(ref, payload: nil)
        }
        return .skip(
            "`mode: review` needs a pull request: set the `pull-request` input (a number or URL) on `\(name)` events"
        )
    }

    /// `mode: auto`: what the event itself asks for.
    static func autoPlan(
        eventName name: String, event: GitHubEvent, repository fullName: String?, fallback repository: String?,
        allowedAssociations: Set<String>, replyInThreads: Bool
    ) throws(EventError) -> RunPlan {
        switch name {
        case "pull_request", "pull_request_target":
            return try RunPlan.pullRequestEvent(eventName: name, event: event)
        case "schedule":
            guard let fullName else { throw .badRepository(repository ?? "") }
            return .audit(repository: fullName)
        case "workflow_dispatch":
            return .skip(
                "a manual run needs the `pull-request` input (a number or URL) to review a pull request, or `mode: audit` to audit the repository"
            )
        case "issue_comment", "pull_request_review_comment":
            return try command(
                event, eventName: name, repository: fullName, allowed: allowedAssociations,
                replyInThreads: replyInThreads)
        default:
            return .skip(
                "event `\(name)` is not handled: ChatGPT Probot reviews pull requests, audits on `schedule`, and answers comment commands"
            )
        }
    }

    /// `pull-request`, `pull_request`, `pr`, `pr-number` or `pr_number` among `workflow_dispatch` inputs.
    static func dispatchPullRequest(_ event: GitHubEvent) -> String? {
        guard let inputs = event.inputs else { return nil }
        for key in ["pull-request", "pull_request", "pr", "pr-number", "pr_number"] {
            switch inputs[key] {
            case .string(let value) where !value.trimmingWhitespace().isEmpty: return value.trimmingWhitespace()
            case .number(let value): return String(Int(value))
            default: continue
            }
        }
        return nil
    }

    /// A PR number (`42`, `#42`) or URL (`https://github.com/o/r/pull/42`, GHES hosts too).
    package static func parsePullRequest(_ text: String, defaultRepository: String?) throws(EventError)
        -> PullRequestRef
    {
        let trimmed = text.trimmingWhitespace()
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if let number = Int(digits), number > 0 {
            guard let repository = defaultRepository, let ref = PullRequestRef(fullName: repository, number: number)
            else {
                throw .badRepository(defaultRepository ?? "")
            }
            return ref
        }
        let parts = trimmed.split(separator: "/").map(String.init)
        if let pullIndex = parts.lastIndex(where: { $0 == "pull" || $0 == "pulls" }), pullIndex >= 2,
            pullIndex + 1 < parts.count,
            let number = Int(parts[pullIndex + 1].split(separator: "#").first ?? ""), number > 0
        {
            return PullRequestRef(owner: parts[pullIndex - 2], repo: parts[pullIndex - 1], number: number)
        }
        throw .malformed("`pull-request` must be a number or a pull request URL (got \"\(text)\")")
    }

    /// The events whose runs pass ``CommentGate`` first.
    static let commentEvents: Set<String> = ["issue_comment", "pull_request_review_comment"]

    /// The command plan of a comment event, or a skip for bots, strangers and comments without a command.
    static func command(
        _ event: GitHubEvent, eventName: String, repository: String?, allowed: Set<String>, replyInThreads: Bool = true
    ) throws(EventError) -> RunPlan {
        let gate = try CommentGate.check(event, eventName: eventName, allowed: allowed, replyInThreads: replyInThreads)
        guard case .open(let command, let parsed) = gate, let comment = event.comment else {
            if case .closed(let reason) = gate { return .skip(reason) }
            throw .malformed("a `\(eventName)` payload has no `comment`")
        }
        guard let repository else { throw .malformed("the payload names no repository") }
        if eventName == "pull_request_review_comment" {
            guard let pullRequest = event.pullRequest,
                let ref = PullRequestRef(fullName: repository, number: pullRequest.number)
            else {
                throw .malformed("a `pull_request_review_comment` payload has no `pull_request`")
            }
            let context = CommentContext(
                number: pullRequest.number, isPullRequest: true, commentID: comment.id,
                author: comment.user?.login ?? "", title: pullRequest.title, body: pullRequest.body ?? "",
                diffHunk: comment.diffHunk ?? "", path: comment.path, line: comment.line,
                threadRootID: comment.inReplyToID ?? comment.id, baseSHA: pullRequest.base.sha,
                headSHA: pullRequest.head.sha)
            return parsed == nil ? .threadReply(ref, context) : .command(ref, command, context)
        }
        guard let issue = event.issue, let ref = PullRequestRef(fullName: repository, number: issue.number) else {
            throw .malformed("an `issue_comment` payload has no `issue`")
        }
        if command == .refactor {
            return .skip("/refactor works in a review thread (a comment on a diff line)")
        }
        if command == .review && !issue.isPullRequest {
            return .skip("/review works on pull requests; #\(issue.number) is an issue")
        }
        let context = CommentContext(
            number: issue.number, isPullRequest: issue.isPullRequest, commentID: comment.id,
            author: comment.user?.login ?? "", title: issue.title, body: issue.body ?? "")
        return .command(ref, command, context)
    }
}
