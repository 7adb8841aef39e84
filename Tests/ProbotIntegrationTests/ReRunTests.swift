import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// Re-runs, pushes and force-pushes: the exact set of comments on the fake PR after each run.
struct ReRunTests {
    static let firstHead = ActionRunTests.headSHA
    static let secondHead = "b7e3d5c6a8b0f1e2d3c4b5a69786756459f4c2a1"

    /// `path:line title` of every inline comment on the PR, sorted.
    static func commentSet(_ github: FakeGitHubServer) -> [String] {
        github.comments.map { comment in
            let title = comment.body.split(separator: "**").dropFirst().first.map(String.init) ?? "?"
            return "\(comment.path):\(comment.line) \(title)"
        }.sorted()
    }

    static func harness(
        _ github: FakeGitHubServer, _ openAI: FakeOpenAIServer, action: String = "opened",
        inputs: [String: String] = [:]
    ) throws -> ActionHarness {
        try ActionHarness(
            eventName: "pull_request", event: try ActionRunTests.event { $0["action"] = action },
            inputs: ActionRunTests.inputs(github, openAI, inputs), githubURL: github.baseURL)
    }

    @Test func aSecondRunOnTheSameCommitPostsNothingNew() async throws {
        for incremental in ["true", "false"] {
            try await withFakes(script: ActionRunTests.reviewingModel) {
                github, openAI in
                github.addPullRequest(number: 42, headSHA: Self.firstHead, files: try ActionRunTests.sampleFiles())

                try await Self.harness(github, openAI, inputs: ["incremental": incremental]).run()
                let afterFirst = Self.commentSet(github)
                #expect(afterFirst.count == 6)
                #expect(github.reviews.count == 1)
                #expect(github.issueComments.count == 1)

                let second = try Self.harness(github, openAI, inputs: ["incremental": incremental])
                let report = try #require(try await second.run())
                #expect(Self.commentSet(github) == afterFirst, "incremental: \(incremental)")
                #expect(github.reviews.count == 1, "no second review (incremental: \(incremental))")
                #expect(report.nothingNew)
                #expect(try second.outputs["comments"] == "0")
                // The sticky summary is edited in place, not duplicated.
                #expect(github.issueComments.count == 1)
                #expect(Markers.find(in: github.issueComments[0].body).values("head") == [Self.firstHead])
                if incremental == "true" {
                    #expect(openAI.calls.count == 1, "an unchanged head needs no model call")
                } else {
                    #expect(report.placement.alreadyPosted.count == 9)
                }
            }
        }
    }

    @Test func aPushIsReviewedIncrementally() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) {
            github, openAI in
            var files = try ActionRunTests.sampleFiles()
            github.addPullRequest(number: 42, headSHA: Self.firstHead, files: files)
            try await Self.harness(github, openAI).run()
            let afterFirst = Self.commentSet(github)

            // The push changes only the Python script: two more lines at its end.
            let index = try #require(files.firstIndex { $0.filename == "scripts/export_orders.py" })
            files[index].patch = files[index].patch.map {
                $0.replacing("@@ -0,0 +1,18 @@", with: "@@ -0,0 +1,20 @@") + "\n+\n+# owner: data team"
            }
            github.push(number: 42, headSHA: Self.secondHead, files: files)
            github.setComparison(
                base: Self.firstHead, head: Self.secondHead, status: "ahead", files: ["scripts/export_orders.py"])
            let callsBefore = openAI.calls.count

            let second = try Self.harness(github, openAI, action: "synchronize")
            let report = try #require(try await second.run())
            let sent = openAI.calls.dropFirst(callsBefore).flatMap(\.filePaths)
            #expect(sent == ["scripts/export_orders.py"])
            #expect(report.incrementalBase == Self.firstHead)
            #expect(report.unchangedSinceLastReview == 4)
            // The model repeats its findings for that file: they were posted already, so nothing new appears.
            #expect(Self.commentSet(github) == afterFirst)
            #expect(Markers.find(in: github.issueComments[0].body).values("head") == [Self.secondHead])
            #expect(github.issueComments.count == 1)
        }
    }

    @Test func aForcePushFallsBackToAFullReviewWithoutDuplicates() async throws {
        try await withFakes(script: ActionRunTests.reviewingModel) {
            github, openAI in
            github.addPullRequest(number: 42, headSHA: Self.firstHead, files: try ActionRunTests.sampleFiles())
            try await Self.harness(github, openAI).run()
            let afterFirst = Self.commentSet(github)

            // Rewritten history: the old head is unknown to the compare API (404).
            github.push(number: 42, headSHA: Self.secondHead, files: try ActionRunTests.sampleFiles())
            let callsBefore = openAI.calls.count
            let second = try Self.harness(github, openAI, action: "synchronize")
            let report = try #require(try await second.run())
            #expect(report.incrementalBase == nil)
            #expect(Set(openAI.calls.dropFirst(callsBefore).flatMap(\.filePaths)).count == 3)
            #expect(second.log.contains { $0.hasPrefix("::notice::") && $0.contains("force-push") })
            #expect(Self.commentSet(github) == afterFirst)

            // A diverged comparison is treated the same way.
            github.push(number: 42, headSHA: "c0ffee", files: try ActionRunTests.sampleFiles())
            github.setComparison(base: Self.secondHead, head: "c0ffee", status: "diverged")
            let third = try #require(try await Self.harness(github, openAI, action: "synchronize").run())
            #expect(third.incrementalBase == nil)
            #expect(Self.commentSet(github) == afterFirst)
        }
    }

    @Test func repeatedLinesAreCountedNotCollapsed() async throws {
        let reported = Counter()
        // Run 1 and 2: the model flags two of three identical lines; run 3: all three.
        let openAI = try await FakeOpenAIServer.start { _ in
            let run = reported.next()
            let lines = run <= 2 ? [2, 4] : [2, 4, 6]
            let findings = lines.map { ActionRunTests.finding("retry.sh", $0, "major", "Unquoted variable") }
            let data =
                (try? JSONSerialization.data(withJSONObject: ["summary": "Shell.", "findings": findings])) ?? Data()
            return .content(String(decoding: data, as: UTF8.self))
        }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            let patch =
                "@@ -0,0 +1,6 @@\n+echo start\n+rm -rf $DIR\n+echo again\n+rm -rf $DIR\n+echo last\n+rm -rf $DIR"
            github.addPullRequest(number: 42, headSHA: Self.firstHead, files: [("retry.sh", "added", patch)])
            let full = ["incremental": "false"]

            try await Self.harness(github, openAI, inputs: full).run()
            #expect(Self.commentSet(github) == ["retry.sh:2 Unquoted variable", "retry.sh:4 Unquoted variable"])
            try await Self.harness(github, openAI, inputs: full).run()
            #expect(github.comments.count == 2, "the same two findings are not posted again")
            try await Self.harness(github, openAI, inputs: full).run()
            // Same text, same line content: a set would call the third one a duplicate. It is a new finding.
            #expect(github.comments.count == 3)
            #expect(Self.commentSet(github).last == "retry.sh:6 Unquoted variable")
        }
    }

    @Test func aCleanCommitIsNotReviewedTwice() async throws {
        let openAI = try await FakeOpenAIServer.start { _ in .content(#"{"summary":"Looks fine.","findings":[]}"#) }
        try await withFakeGitHub(alsoStopping: [openAI]) { github in
            github.addPullRequest(number: 42, headSHA: Self.firstHead, files: try ActionRunTests.sampleFiles())
            try await Self.harness(github, openAI, inputs: ["incremental": "false"]).run()
            #expect(github.reviews.count == 1)
            let second = try #require(try await Self.harness(github, openAI, inputs: ["incremental": "false"]).run())
            #expect(github.reviews.count == 1, "no second empty review for the same commit")
            #expect(second.nothingNew)
            #expect(github.issueComments.count == 1)
            // A new commit with nothing to say still gets its review.
            github.push(number: 42, headSHA: Self.secondHead, files: try ActionRunTests.sampleFiles())
            try await Self.harness(github, openAI, action: "synchronize", inputs: ["incremental": "false"]).run()
            #expect(github.reviews.count == 2)
        }
    }
}
