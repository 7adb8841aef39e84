import Foundation
package import ProbotCore

/// The first step of every action run: the event and the inputs, read once, and the plan they give.
package struct RunSetup: Sendable {
    /// What the run will do.
    package var plan: RunPlan
    /// The inputs; valid whenever the plan has work to do.
    package var inputs: ProbotInputs
    /// For a plan with nothing to do: inputs that would fail a real run.
    package var warnings: [Diagnostic] = []

    /// Reads `GITHUB_EVENT_PATH`, parses the inputs (which own `mode`, `pull-request` and
    /// `allowed-associations`), and resolves the plan.
    /// - Throws: ``RunError/event(_:)`` for a missing or malformed event, ``RunError/invalidInputs(_:)`` when a
    ///   run that has work to do has invalid inputs.
    package static func read(_ environment: ActionEnvironment) throws(RunError) -> RunSetup {
        let event: GitHubEvent
        do throws(EventError) {
            event = try GitHubEvent.decode(try readEvent(environment))
        } catch {
            throw .event(error)
        }
        let (inputs, problems) = ProbotInputs.read(environment)
        let plan: RunPlan
        do throws(EventError) {
            plan = try ModeResolver.resolve(
                eventName: environment["GITHUB_EVENT_NAME"], event: event, mode: inputs.mode,
                pullRequest: inputs.pullRequest, repository: environment["GITHUB_REPOSITORY"],
                allowedAssociations: inputs.allowedAssociations, replyInThreads: inputs.replyInThreads)
        } catch {
            throw .event(error)
        }
        if case .skip = plan {
            // Nothing to do: never fail the step, but still point out inputs that would fail a real run.
            let warnings = problems.isEmpty ? [] : [Diagnostic.warning(InputError(problems: problems).description)]
            return RunSetup(plan: plan, inputs: inputs, warnings: warnings)
        }
        guard problems.isEmpty else {
            if case .review(_, let payload?) = plan, payload.isFromFork, inputs.openAIAPIKey == nil, problems.count == 1
            {
                return RunSetup(
                    plan: .skip(
                        "pull request #\(payload.number) comes from a fork, and GitHub gives fork workflows no secrets, so there is no OpenAI key: the review was skipped. To review fork PRs, trigger on `pull_request_target` (this action never checks out PR code)."
                    ), inputs: inputs)
            }
            throw .invalidInputs(InputError(problems: problems))
        }
        return RunSetup(plan: plan, inputs: inputs)
    }

    private static func readEvent(_ environment: ActionEnvironment) throws(EventError) -> Data {
        guard let path = environment["GITHUB_EVENT_PATH"] else { throw .missingEventPath }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }
}
