/// Stages *ask* and *summarise* in one round: the review requests and the whole-PR summary request share the
/// `max-concurrency` slots and start together, so the summary never waits for the reviews.
extension ReviewEngine {
    /// What one round of model requests produced.
    package struct Round: Sendable {
        /// The reviews' outcomes, in batch order.
        package var outcomes: [BatchOutcome]
        /// The summary request's result; `nil` when none was needed (one request or none) or for a dry run.
        package var summary: SummaryMerger.Merged?
    }

    /// Sends every batch and, when there are two or more and `files` is given, the summary request beside them,
    /// each in a slot of its own, longest expected answer first (``RequestSchedule``). Logs a line per finished
    /// request; nothing on a dry run. A failed summary is a result, never a failed review.
    package func round(_ plan: BatchPlan, files: [FileDiff]?, title: String, description: String) async -> Round {
        guard !settings.dryRun, !plan.batches.isEmpty else { return Round(outcomes: [], summary: nil) }
        let side = files.flatMap { summaryRequest($0, model: model, batches: plan.batches.count, title: title) }
        console.beginGroup(
            "Review with \(profile.name): \(plan.batches.count) request(s)\(side == nil ? "" : " and the summary"), up to \(settings.maxConcurrency) at once"
        )
        defer { console.endGroup() }
        let runner = BatchRunner(
            model: model, profile: profile, maxConcurrency: settings.maxConcurrency,
            splitter: BatchSplitter(
                builder: settings.promptBuilder(title: title, description: description), counter: counter),
            now: now)
        let console = self.console
        let (outcomes, summary) = await runner.run(plan.batches, beside: side) { outcomes, finished, total in
            for outcome in outcomes { console.info(PlanLog.progressLine(outcome, finished: finished, total: total)) }
        }
        return Round(outcomes: outcomes, summary: summary)
    }

    /// The summary request of a round of `batches` requests; `nil` for a single request, which writes the
    /// summary itself.
    private func summaryRequest(
        _ files: [FileDiff], model: any ChatModel, batches: Int, title: String
    ) -> SideRequest<SummaryMerger.Merged>? {
        guard batches > 1 else { return nil }
        let summarizer = PullRequestSummarizer(
            model: model, profile: profile, language: settings.language, overview: ChangeOverview(counter: counter))
        let (console, now) = (self.console, self.now)
        return SideRequest(expectedSeconds: AnswerTiming(profile).summarySeconds) {
            let start = now()
            let merged = await summarizer.summarise(files, title: title)
            console.info(PlanLog.summaryLine(merged, duration: now() - start))
            return merged
        }
    }
}
