import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// A pull request GitHub answers 404 for: a wrong `pull-request` number on `workflow_dispatch`, or a deleted PR.
///
/// The pull request, its files and the earlier reviews are read in parallel; the 404 fails the first read while
/// the others are still in flight (GitHub answers them with 404 too, at the same moment), so they are cancelled
/// as their responses arrive. Every run must still end promptly with GitHub's message: no hang, no trap.
struct MissingPullRequestTests {
    static let runs = 100
    /// A run takes milliseconds alone; a hung one never ends. The deadline only has to tell the two apart while
    /// the whole suite (80 suites, most starting loopback servers and loading vocabularies at once) shares two
    /// cores: 5 seconds was once too short for the first run there, so it is 60.
    static let deadline: Duration = .seconds(60)

    @Test func aMissingPullRequestFailsEveryRunPromptly() async throws {
        let event = try Fixture.data("workflow_dispatch.json", in: .module)
        try await withFakeGitHub { github in
            // No pull request #42 on the fake: every read about it answers 404.
            let inputs = ActionRunTests.inputs(github, nil, ["dry-run": "true"])
            for run in 1...Self.runs {
                let outcome = await withDeadline(Self.deadline) { () -> RunOutcome? in
                    guard
                        let harness = try? ActionHarness(
                            eventName: "workflow_dispatch", event: event, inputs: inputs, githubURL: github.baseURL)
                    else { return nil }
                    return await harness.perform()
                }
                guard let outcome else {
                    Issue.record("run \(run) of \(Self.runs) did not end within \(Self.deadline)")
                    return
                }
                let failure = try #require(outcome?.failure, "run \(run) did not fail")
                guard case .service(let message) = failure else {
                    Issue.record("run \(run) failed with \(failure)")
                    return
                }
                #expect(message.contains("get pull request octo/shop#42 failed with 404"), "run \(run): \(message)")
            }
        }
    }
}
