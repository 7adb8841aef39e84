/// A run that failed after doing some work: the report still holds everything done, for the job summary.
package struct RunFailure: Error, CustomStringConvertible {
    package var report: RunReport
    package var message: String

    /// Memberwise initialiser.
    package init(report: RunReport, message: String) {
        self.report = report
        self.message = message
    }

    package var description: String { message }
}

/// Reviews one pull request end to end: fetch, plan, ask the model, place, post one review.
package struct ReviewPipeline: Sendable {
    package var source: any PullRequestSource
    package var publisher: any ReviewPublisher
    package var engine: ReviewEngine

    /// Memberwise initialiser.
    package init(source: any PullRequestSource, publisher: any ReviewPublisher, engine: ReviewEngine) {
        self.source = source
        self.publisher = publisher
        self.engine = engine
    }

    /// GitHub's listing cap for `pulls/{n}/files`.
    package static let fileListingCap = 3_000

    /// Runs the review.
    /// - Returns: the report of a completed run (possibly partial: failed batches are listed, not fatal).
    /// - Throws: ``RunFailure`` when every model request failed or the review could not be posted even without
    ///   inline comments; other errors when GitHub could not be read.
    package func run(_ ref: PullRequestRef) async throws -> RunReport {
        let start = engine.now()
        let console = engine.console
        console.beginGroup("Pull request \(ref)")
        let pullRequest = try await source.pullRequest(ref)
        let changed = try await source.changedFiles(ref)
        console.info("\"\(pullRequest.title)\" at \(pullRequest.head.sha.prefix(12)): \(changed.count) changed file(s)")
        console.endGroup()

        var report = RunReport(
            pullRequest: ref, model: engine.inputs.model, modelInfo: engine.modelInfo, dryRun: engine.inputs.dryRun,
            plan: .empty(counterName: engine.counter.name))
        report.title = pullRequest.title
        report.headSHA = pullRequest.head.sha
        report.failOn = engine.inputs.failOn
        if let total = pullRequest.changedFiles, total > changed.count, changed.count >= Self.fileListingCap {
            report.listingTruncated = true
            report.warnings.append(
                "GitHub lists at most \(Self.fileListingCap) files; \(total - changed.count) of \(total) were not reviewed")
        }
        if !engine.modelInfo.isKnown {
            report.warnings.append(
                "model `\(engine.inputs.model)` is not in the catalog: assuming a \(Format.count(engine.modelInfo.contextWindow))-token context and no price")
        }

        await engine.review(changed, title: pullRequest.title, description: pullRequest.body ?? "", into: &report)
        guard !report.dryRun else {
            report.duration = engine.now() - start
            return report
        }
        let failed = report.failedOutcomes
        if !report.outcomes.isEmpty && failed.count == report.outcomes.count {
            report.duration = engine.now() - start
            throw RunFailure(report: report, message: "every model request failed; first error: \(Self.reason(failed[0]))")
        }
        for outcome in failed {
            report.warnings.append("batch \(outcome.batch.number) failed (\(outcome.batch.paths.joined(separator: ", "))): \(Self.reason(outcome))")
        }

        console.beginGroup("Post review")
        var draft = ReviewDraft(
            commitID: pullRequest.head.sha, body: ReviewBodyRenderer.render(report), comments: report.placement.inline)
        do {
            report.review = try await publisher.publish(draft, to: ref)
        } catch let error as PublishError {
            // GitHub rejects the whole review for one bad comment: post again with every comment in the body.
            console.warning("\(error.description); posting again with the inline comments in the review body")
            report.usedBodyFallback = true
            report.placement.body += report.placement.inline.map { BodyFinding(finding: $0.finding, reason: .rejectedInline) }
            report.placement.inline = []
            report.warnings.append("\(error.description); the findings were posted in the review body instead")
            draft = ReviewDraft(commitID: pullRequest.head.sha, body: ReviewBodyRenderer.render(report), comments: [])
            do {
                report.review = try await publisher.publish(draft, to: ref)
            } catch {
                report.duration = engine.now() - start
                throw RunFailure(report: report, message: "could not post the review: \(error)")
            }
        } catch {
            report.duration = engine.now() - start
            throw RunFailure(report: report, message: "could not post the review: \(error)")
        }
        if let review = report.review {
            console.info(
                "posted review \(review.id) with \(report.placement.inline.count) inline comment(s)"
                    + (review.htmlURL.map { ": \($0)" } ?? ""))
        }
        console.endGroup()
        report.duration = engine.now() - start
        return report
    }

    private static func reason(_ outcome: BatchOutcome) -> String {
        if case .failed(let why) = outcome.result { return why }
        return "unknown"
    }
}
