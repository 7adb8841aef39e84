import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

/// Every row of the README's mode table.
struct ModeTests {
    static func event(_ name: String) throws -> GitHubEvent {
        try GitHubEvent.decode(Fixture.data("events/\(name).json", in: .module))
    }

    static let ref42 = PullRequestRef(owner: "octo", repo: "shop", number: 42)

    private func plan(_ eventName: String, _ fixture: String, mode: ModeInput = .auto, pullRequest: String? = nil)
        throws -> RunPlan
    {
        try ModeResolver.resolve(
            eventName: eventName, event: Self.event(fixture), mode: mode, pullRequest: pullRequest,
            repository: "octo/shop")
    }

    private func isSkip(_ plan: RunPlan, _ text: String) -> Bool {
        if case .skip(let reason) = plan { return reason.contains(text) }
        return false
    }

    @Test func pullRequestEvents() throws {
        guard case .review(let ref, let payload) = try plan("pull_request", "pull_request.opened") else {
            Issue.record("review")
            return
        }
        #expect(ref == Self.ref42)
        #expect(payload?.number == 42)
        guard case .review = try plan("pull_request_target", "pull_request.opened", mode: .review) else {
            Issue.record("review")
            return
        }
        guard case .audit = try plan("pull_request", "pull_request.opened", mode: .audit) else {
            Issue.record("audit")
            return
        }
        #expect(isSkip(try plan("pull_request", "pull_request.opened", mode: .chat), "comment"))
    }

    @Test func workflowDispatch() throws {
        #expect(try plan("workflow_dispatch", "workflow_dispatch") == .review(Self.ref42, payload: nil))
        #expect(isSkip(try plan("workflow_dispatch", "workflow_dispatch.no-inputs"), "pull-request"))
        #expect(
            try plan("workflow_dispatch", "workflow_dispatch.no-inputs", mode: .audit)
                == .audit(repository: "octo/shop"))
        #expect(
            try plan(
                "workflow_dispatch", "workflow_dispatch.no-inputs", pullRequest: "https://github.com/octo/other/pull/9")
                == .review(PullRequestRef(owner: "octo", repo: "other", number: 9), payload: nil))
    }

    @Test func schedule() throws {
        #expect(try plan("schedule", "schedule") == .audit(repository: "octo/shop"))
        #expect(try plan("schedule", "schedule", pullRequest: "#42") == .review(Self.ref42, payload: nil))
        #expect(isSkip(try plan("schedule", "schedule", mode: .review), "pull-request"))
        #expect(isSkip(try plan("schedule", "schedule", mode: .chat), "comment"))
    }

    @Test func commentCommands() throws {
        guard
            case .command(let issueRef, let issueCommand, let onIssue) = try plan(
                "issue_comment", "issue_comment.issue")
        else {
            Issue.record("command")
            return
        }
        #expect(issueRef.number == 7)
        #expect(issueCommand == .chat(question: "Why could the total differ from the receipt by one cent?"))
        #expect(!onIssue.isPullRequest)
        guard case .command(_, _, let onPR) = try plan("issue_comment", "issue_comment.pull_request", mode: .chat)
        else {
            Issue.record("command")
            return
        }
        #expect(onPR.isPullRequest)
        guard
            case .command(_, let threadCommand, let thread) = try plan(
                "pull_request_review_comment", "pull_request_review_comment")
        else {
            Issue.record("thread")
            return
        }
        #expect(threadCommand == .refactor)
        #expect(thread.inReviewThread)
        #expect(thread.path == "scripts/export_orders.py")
        #expect(thread.threadRootID == 6999)
        // /review on a PR conversation in review mode reviews the PR.
        #expect(
            try plan("issue_comment", "issue_comment.pull_request.review", mode: .review)
                == .review(Self.ref42, payload: nil))
    }

    /// Every comment event passes one gate, whatever the mode: a stranger, a bot, an edit or a comment without a
    /// command never starts a paid run, not even with `mode: review` or an explicit `pull-request`.
    @Test(arguments: [ModeInput.review, .audit, .auto, .chat])
    func oneGateForEveryCommentEvent(_ mode: ModeInput) throws {
        let base = try Fixture.data("events/issue_comment.pull_request.review.json", in: .module)
        func variant(_ edit: (inout [String: Any]) -> Void) throws -> GitHubEvent {
            var json = try #require(try JSONSerialization.jsonObject(with: base) as? [String: Any])
            edit(&json)
            return try GitHubEvent.decode(try JSONSerialization.data(withJSONObject: json))
        }
        func comment(_ json: inout [String: Any], _ key: String, _ value: Any) {
            var comment = json["comment"] as? [String: Any] ?? [:]
            comment[key] = value
            json["comment"] = comment
        }
        let attacks: [GitHubEvent] = [
            try variant { comment(&$0, "author_association", "NONE") },
            try variant { comment(&$0, "body", "nice work, no command here") },
            try variant { $0["action"] = "deleted" },
            try variant { $0["action"] = "edited" },
            try variant { $0["sender"] = ["login": "evil[bot]", "type": "Bot"] },
            try variant { comment(&$0, "user", ["login": "evil[bot]", "type": "Bot"]) },
        ]
        for event in attacks {
            for pullRequest in [nil, "42"] {
                let plan = try ModeResolver.resolve(
                    eventName: "issue_comment", event: event, mode: mode, pullRequest: pullRequest,
                    repository: "octo/shop")
                guard case .skip = plan else {
                    Issue.record("\(mode) with pull-request \(pullRequest ?? "none") ran: \(plan)")
                    continue
                }
            }
        }
    }

    @Test func commandsNeedAnAllowedHumanAndACommand() throws {
        var event = try Self.event("issue_comment.issue")
        event.comment?.authorAssociation = "CONTRIBUTOR"
        let stranger = try ModeResolver.resolve(
            eventName: "issue_comment", event: event, mode: .auto, pullRequest: nil, repository: "octo/shop")
        #expect(isSkip(stranger, "may not run commands"))
        let allowed = try ModeResolver.resolve(
            eventName: "issue_comment", event: event, mode: .auto, pullRequest: nil, repository: "octo/shop",
            allowedAssociations: ["CONTRIBUTOR"])
        guard case .command = allowed else {
            Issue.record("allowed")
            return
        }
        event.comment?.authorAssociation = "OWNER"
        event.sender?.type = "Bot"
        #expect(
            isSkip(
                try ModeResolver.resolve(
                    eventName: "issue_comment", event: event, mode: .auto, pullRequest: nil, repository: "octo/shop"),
                "bots"))
        event.sender?.type = "User"
        event.comment?.body = "Looks good, thanks!"
        #expect(
            isSkip(
                try ModeResolver.resolve(
                    eventName: "issue_comment", event: event, mode: .auto, pullRequest: nil, repository: "octo/shop"),
                "no /chatgpt"))
        event.comment?.body = "/review"
        #expect(
            isSkip(
                try ModeResolver.resolve(
                    eventName: "issue_comment", event: event, mode: .auto, pullRequest: nil, repository: "octo/shop"),
                "is an issue"))
        event.action = "edited"
        #expect(
            isSkip(
                try ModeResolver.resolve(
                    eventName: "issue_comment", event: event, mode: .auto, pullRequest: nil, repository: "octo/shop"),
                "only new comments"))
    }

    @Test func otherEventsAreSkipped() throws {
        #expect(isSkip(try plan("push", "push"), "`push` is not handled"))
        #expect(try plan("push", "push", mode: .audit) == .audit(repository: "octo/shop"))
    }

    @Test(arguments: [
        ("/chatgpt explain this", CommentCommand.chat(question: "explain this")),
        ("/CHATGPT  multi\nline question", .chat(question: "multi\nline question")),
        ("Thanks!\n/review please", .review),
        ("/Refactor", .refactor),
    ])
    func commandParsing(_ body: String, _ expected: CommentCommand) {
        #expect(CommentCommand.parse(body) == expected)
    }

    @Test func notCommands() {
        #expect(CommentCommand.parse("/chatgpt") == nil)
        #expect(CommentCommand.parse("see /review docs") == nil)
        #expect(CommentCommand.parse("/reviewer assigned") == nil)
    }

    @Test func pullRequestReferences() throws {
        #expect(
            try ModeResolver.parsePullRequest("42", defaultRepository: "o/r")
                == PullRequestRef(owner: "o", repo: "r", number: 42))
        #expect(
            try ModeResolver.parsePullRequest("https://ghe.corp/api/x/o2/r2/pull/7/files", defaultRepository: "o/r")
                == PullRequestRef(owner: "o2", repo: "r2", number: 7))
        #expect(throws: EventError.self) { try ModeResolver.parsePullRequest("latest", defaultRepository: "o/r") }
    }
}

struct ShardTests {
    @Test func shardsPartitionTheFilesExactly() {
        let paths = (0..<2_000).map { "src/module\($0 % 37)/file\($0).swift" }
        for count in [1, 2, 3, 7] {
            let shards = (1...count).compactMap { Shard("\($0)/\(count)") }
            var seen: [String: Int] = [:]
            for shard in shards { for path in paths where shard.contains(path) { seen[path, default: 0] += 1 } }
            #expect(seen.count == paths.count)
            #expect(seen.values.allSatisfy { $0 == 1 })
            if count > 1 {
                let sizes = shards.map { shard in paths.count { shard.contains($0) } }
                #expect(sizes.min() ?? 0 > paths.count / count / 2, "balanced enough: \(sizes)")
            }
        }
        #expect(Shard("0/3") == nil)
        #expect(Shard("4/3") == nil)
        #expect(Shard("two/3") == nil)
    }

    @Test func scopeAppliesPathsShardsFiltersAndCaps() {
        let scope = AuditScope(
            filter: PathFilter(include: [], exclude: ["docs/**"]), paths: ["src", "*.md"], shard: nil, maxFiles: 2)
        let (selected, skipped, _) = scope.select([
            "src/a.swift", "src/b.swift", "src/c.swift", "lib/x.swift", "README.md", "docs/a.md", "src/yarn.lock",
        ])
        #expect(selected == ["README.md", "src/a.swift"])
        #expect(skipped.map(\.path) == ["docs/a.md", "src/b.swift", "src/c.swift", "src/yarn.lock"])
        #expect(skipped[1].reason == .capReached("max-files 2"))
    }
}

struct SarifTests {
    static func report() -> AuditReport {
        var report = AuditReport(
            repository: "octo/shop", model: "gpt-4.1-mini", modelInfo: ModelCatalog.info(for: "gpt-4.1-mini"),
            dryRun: false,
            plan: .empty(counterName: "o200k_base"))
        report.findings = [
            AuditFinding(
                finding: Finding(
                    path: "app/db.py", line: 12, startLine: 10, severity: .critical, title: "SQL injection!",
                    body: "Use parameters."), unlocated: nil),
            AuditFinding(
                finding: Finding(path: "app/util.py", line: 3, severity: .nit, title: "Naming", body: ""),
                unlocated: nil),
            AuditFinding(
                finding: Finding(path: "gone.py", line: 1, severity: .major, title: "Lost", body: ""),
                unlocated: "file not audited"),
        ]
        return report
    }

    /// The required properties of SARIF 2.1.0 (sarifLog, run, tool, toolComponent, result, message, location).
    @Test func logHasEveryRequiredSarifProperty() throws {
        let data = try JSONEncoder().encode(SarifBuilder.make(Self.report(), toolVersion: "1.0.0"))
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == SarifBuilder.schemaURI)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "ChatGPT Probot")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.allSatisfy { $0["id"] is String })
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 2, "findings without a location are left out")
        for result in results {
            let message = try #require(result["message"] as? [String: Any])
            #expect((message["text"] as? String)?.isEmpty == false)
            #expect(["error", "warning", "note"].contains(result["level"] as? String))
            #expect(rules.contains { $0["id"] as? String == result["ruleId"] as? String })
            let location = try #require(
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
            #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
        }
        let first = try #require(results.first)
        #expect(first["ruleId"] as? String == "chatgpt-probot/sql-injection")
        #expect(first["level"] as? String == "error")
        let region = try #require(
            ((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
                as? [String: Any])
        #expect(region["startLine"] as? Int == 10)
        #expect(region["endLine"] as? Int == 12)
    }
}
