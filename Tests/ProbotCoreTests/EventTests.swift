import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

struct EventTests {
    private func event(_ name: String) throws -> GitHubEvent {
        try GitHubEvent.decode(Fixture.data("events/\(name).json", in: .module))
    }

    @Test func decodesARealShapedPullRequestPayload() throws {
        let event = try event("pull_request.opened")
        #expect(event.action == "opened")
        let pr = try #require(event.pullRequest)
        #expect(pr.number == 42)
        #expect(pr.head.sha == "9f4c2a1b7e3d5c6a8b0f1e2d3c4b5a6978675645")
        #expect(pr.changedFiles == 5)
        #expect(pr.isFromFork == false)
        let decision = try RunPlan.pullRequestEvent(eventName: "pull_request", event: event)
        #expect(decision == .review(PullRequestRef(owner: "octo", repo: "shop", number: 42), payload: pr))
    }

    @Test(arguments: ["opened", "synchronize", "reopened", "ready_for_review"])
    func reviewedActions(_ action: String) throws {
        var event = try event("pull_request.synchronize")
        event.action = action
        for name in ["pull_request", "pull_request_target"] {
            guard case .review(let ref, _) = try RunPlan.pullRequestEvent(eventName: name, event: event) else {
                Issue.record("\(name)/\(action) should review")
                continue
            }
            #expect(ref.description == "octo/shop#42")
        }
    }

    @Test(arguments: ["closed", "assigned", "review_requested", "converted_to_draft"])
    func otherActionsAreSkippedWithANotice(_ action: String) throws {
        var event = try event("pull_request.opened")
        event.action = action
        guard case .skip(let reason) = try RunPlan.pullRequestEvent(eventName: "pull_request", event: event) else {
            Issue.record("expected skip")
            return
        }
        #expect(reason.contains(action))
    }

    @Test func draftsAndClosedPullRequestsAreSkipped() throws {
        var draft = try event("pull_request.opened")
        draft.pullRequest?.draft = true
        #expect(try RunPlan.pullRequestEvent(eventName: "pull_request", event: draft).isSkip(containing: "draft"))
        var closed = try event("pull_request.synchronize")
        closed.pullRequest?.state = "closed"
        #expect(try RunPlan.pullRequestEvent(eventName: "pull_request", event: closed).isSkip(containing: "closed"))
    }

    @Test func otherEventsAreSkipped() throws {
        let push = try event("push")
        #expect(try RunPlan.pullRequestEvent(eventName: "push", event: push).isSkip(containing: "`push`"))
        #expect(try RunPlan.pullRequestEvent(eventName: nil, event: push).isSkip(containing: "unknown"))
    }

    @Test func forkAndDeletedForkPayloads() throws {
        #expect(try #require(try event("pull_request.fork").pullRequest).isFromFork)
        let orphan = try #require(try event("pull_request.null-head-repo").pullRequest)
        #expect(orphan.head.repo == nil)
        #expect(orphan.body == nil)
        #expect(orphan.isFromFork == false)
    }

    @Test func malformedPayloadsGetAClearMessage() throws {
        #expect(throws: EventError.self) { try GitHubEvent.decode(Data("not json".utf8)) }
        do {
            _ = try GitHubEvent.decode(Data(#"{"pull_request": {"number": "x"}}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("pull_request"))
        }
        let noPR = try GitHubEvent.decode(Data(#"{"action": "opened"}"#.utf8))
        #expect(throws: EventError.self) { try RunPlan.pullRequestEvent(eventName: "pull_request", event: noPR) }
    }
}

extension RunPlan {
    fileprivate func isSkip(containing text: String) -> Bool {
        if case .skip(let reason) = self { return reason.contains(text) }
        return false
    }
}
