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

/// The optional capabilities that make re-runs idempotent; without them every run is a fresh full review.
package struct ReviewMemory: Sendable {
    package var history: any ReviewHistorySource
    package var summaries: any StickySummaryStore
    package var comparer: any ChangeComparer

    /// Memberwise initialiser.
    package init(history: any ReviewHistorySource, summaries: any StickySummaryStore, comparer: any ChangeComparer) {
        self.history = history
        self.summaries = summaries
        self.comparer = comparer
    }
}

/// Reviews one pull request end to end: fetch, plan, ask the model, place, post, keep the sticky summary.
package struct ReviewPipeline: Sendable {
    package var source: any PullRequestSource
    package var publisher: any ReviewPublisher
    package var memory: ReviewMemory?
    package var engine: ReviewEngine

    /// Memberwise initialiser.
    package init(source: any PullRequestSource, publisher: any ReviewPublisher, memory: ReviewMemory? = nil, engine: ReviewEngine) {
        self.source = source
        self.publisher = publisher
        self.memory = memory
        self.engine = engine
    }

    /// GitHub's listing cap for `pulls/{n}/files`.
    package static let fileListingCap = 3_000

    /// Runs the review.
    /// - Returns: the report of a completed run (possibly partial: failed batches are listed, not fatal; a
    ///   read-only token leaves the findings in the report for annotations).
    /// - Throws: ``RunFailure`` when every model request failed or the review could not be posted even without
    ///   inline comments; other errors when GitHub could not be read.
    package func run(_ ref: PullRequestRef) async throws -> RunReport {
        let start = engine.now()
        let console = engine.console
        let inputs = engine.inputs
        console.beginGroup("Pull request \(ref)")
        // The pull request, its files and what earlier runs posted are independent reads: fetch them together.
        async let pullRequestRead = source.pullRequest(ref)
        async let changedRead = source.changedFiles(ref)
        async let priorRead = loadPrior(ref)
        let pullRequest = try await pullRequestRead
        let changed = try await changedRead
        console.info("\"\(pullRequest.title)\" at \(pullRequest.head.sha.prefix(12)): \(changed.count) changed file(s)")

        var report = RunReport(
            pullRequest: ref, model: inputs.model, modelInfo: engine.modelInfo, dryRun: inputs.dryRun,
            plan: .empty(counterName: engine.counter.name))
        report.title = pullRequest.title
        report.headSHA = pullRequest.head.sha
        report.failOn = inputs.failOn
        report.filesInDiff = changed.count
        if let total = pullRequest.changedFiles, total > changed.count, changed.count >= Self.fileListingCap {
            report.listingTruncated = true
            report.warnings.append(
                "GitHub lists at most \(Self.fileListingCap) files; \(total - changed.count) of \(total) were not reviewed")
        }
        if !engine.modelInfo.isKnown {
            report.warnings.append(
                "model `\(inputs.model)` is not in the catalog: assuming a \(Format.count(engine.modelInfo.contextWindow))-token context and no price")
        }
        let (prior, priorWarning) = await priorRead
        if let priorWarning { report.warnings.append(priorWarning) }
        let selected = await selectFiles(changed, ref: ref, head: pullRequest.head.sha, prior: prior, report: &report)
        console.endGroup()

        await engine.review(selected, title: pullRequest.title, description: pullRequest.body ?? "", into: &report)
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
            report.warnings.append(
                "batch \(outcome.batch.label) failed (\(outcome.batch.paths.joined(separator: ", "))): \(Self.reason(outcome))")
        }
        Deduplicator.apply(&report.placement, files: report.files, prior: prior)

        console.beginGroup("Post review")
        do {
            try await post(&report, ref: ref, commitID: pullRequest.head.sha, lastReviewedSHA: prior.lastReviewedSHA)
        } catch let error as RunFailure {
            console.endGroup()
            report = error.report
            report.duration = engine.now() - start
            throw RunFailure(report: report, message: error.message)
        }
        if report.publishBlocked == nil, let memory {
            do {
                _ = try await memory.summaries.upsertSummary(
                    ref, body: StickySummaryRenderer.render(report), existingID: prior.summaryCommentID)
            } catch {
                report.warnings.append("could not update the summary comment: \(error)")
            }
        }
        console.endGroup()
        report.duration = engine.now() - start
        return report
    }

    /// What earlier runs posted; an unreadable history means a full review (with a warning), never a failed run.
    private func loadPrior(_ ref: PullRequestRef) async -> (PriorReviews, String?) {
        guard let memory else { return (PriorReviews(), nil) }
        do {
            return (PriorReviews(try await memory.history.priorBodies(ref)), nil)
        } catch {
            return (PriorReviews(), "could not read earlier reviews (\(error)); duplicates of earlier comments are not filtered")
        }
    }

    /// All files, or with `incremental` only those changed since the last reviewed commit plus files whose review
    /// failed then. A last commit that is no longer reachable (a force-push) means a full review.
    private func selectFiles(
        _ changed: [ChangedFile], ref: PullRequestRef, head: String, prior: PriorReviews, report: inout RunReport
    ) async -> [ChangedFile] {
        guard engine.inputs.incremental, let memory, let last = prior.lastReviewedSHA else { return changed }
        var paths = Set(prior.pendingPaths)
        if last != head {
            let compared: [String]?
            do {
                compared = try await memory.comparer.changedPaths(ref, base: last, head: head)
            } catch {
                compared = nil
            }
            guard let compared else {
                engine.console.notice(
                    "the last reviewed commit \(last.prefix(12)) is not an ancestor of \(head.prefix(12)) (a force-push?): reviewing every file")
                return changed
            }
            paths.formUnion(compared)
        }
        let selected = changed.filter { paths.contains($0.filename) || $0.previousFilename.map(paths.contains) == true }
        report.incrementalBase = last
        report.unchangedSinceLastReview = changed.count - selected.count
        engine.console.info(
            "incremental review since \(last.prefix(12)): \(selected.count) file(s) changed, \(report.unchangedSinceLastReview) unchanged")
        return selected
    }

    /// Posts the new findings in reviews of at most 30 comments; on a 422 a chunk is posted again with its comments
    /// in the body; on a 403 nothing more is attempted and the findings stay in the report.
    private func post(_ report: inout RunReport, ref: PullRequestRef, commitID: String, lastReviewedSHA: String?) async throws {
        let console = engine.console
        // Nothing new to say: no new findings, and either every finding was posted before, nothing needed review,
        // or this very commit was reviewed already (a re-run). A new commit with no findings still gets its review.
        if report.placement.inline.isEmpty && report.placement.body.isEmpty
            && (!report.placement.alreadyPosted.isEmpty || report.outcomes.isEmpty || lastReviewedSHA == commitID)
        {
            report.nothingNew = true
            console.info("nothing new since the last review of \(lastReviewedSHA?.prefix(12) ?? "this pull request"); nothing posted")
            return
        }
        let allInline = report.placement.inline
        let drafts = ReviewChunker.drafts(commitID: commitID, body: ReviewBodyRenderer.render(report), comments: allInline)
        var kept: [InlineComment] = []
        for (index, draft) in drafts.enumerated() {
            let range = (index * ReviewChunker.commentsPerReview)..<min(allInline.count, (index + 1) * ReviewChunker.commentsPerReview)
            let chunk = range.isEmpty ? [] : Array(allInline[range])
            do {
                report.reviews.append(try await publisher.publish(draft, to: ref))
                kept += chunk
            } catch PublishError.forbidden(let message) {
                report.publishBlocked = message
                report.warnings.append(PublishError.forbidden(message).description)
                report.placement.inline = kept + allInline[range.lowerBound...]
                return
            } catch let error as PublishError {
                // GitHub rejects a whole review for one bad comment: post this part again with its comments in the body.
                console.warning("\(error.description); posting again with the inline comments in the review body")
                report.usedBodyFallback = true
                report.placement.body += chunk.map {
                    var item = BodyFinding(finding: $0.finding, reason: .rejectedInline)
                    item.fingerprint = $0.fingerprint
                    return item
                }
                report.placement.inline = kept + allInline[range.upperBound...]
                report.warnings.append("\(error.description); the findings were posted in the review body instead")
                let body = index == 0 ? ReviewBodyRenderer.render(report) : ReviewBodyRenderer.render(rejectedOnly: chunk)
                do {
                    report.reviews.append(try await publisher.publish(ReviewDraft(commitID: commitID, body: body, comments: []), to: ref))
                } catch {
                    throw RunFailure(report: report, message: "could not post the review: \(error)")
                }
            } catch {
                report.placement.inline = kept + allInline[range.lowerBound...]
                throw RunFailure(report: report, message: "could not post the review: \(error)")
            }
        }
        report.placement.inline = kept
        if let review = report.review {
            console.info(
                "posted \(report.reviews.count) review(s) with \(report.placement.inline.count) inline comment(s)"
                    + (review.htmlURL.map { ": \($0)" } ?? ""))
        }
    }

    private static func reason(_ outcome: BatchOutcome) -> String {
        if case .failed(let why) = outcome.result { return why }
        return "unknown"
    }
}
