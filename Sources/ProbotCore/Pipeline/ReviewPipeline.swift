/// Reviews one pull request as a sequence of stages that return values:
/// fetch → select → plan → ask → place → dedupe → post → summarise.
package struct ReviewPipeline: Sendable {
    package var source: any PullRequestSource
    package var publisher: any ReviewPublisher
    package var memory: ReviewMemory?
    package var engine: ReviewEngine
    /// The repository's configuration at the pull request's base; `nil` reviews with the inputs alone.
    package var config: (any RepositoryConfigLoader)?
    /// Whether the configuration's skip rules apply (not for a review someone asked for explicitly).
    package var appliesSkipRules = true
    /// Reads changed files for the code around each hunk; `nil` sends hunks as they are.
    package var contents: (any FileContentSource)?
    /// Builds the checkout's symbol index for the related declarations; `nil` shows none.
    package var symbols: (any SymbolIndexProvider)?

    /// Memberwise initialiser.
    package init(
        source: any PullRequestSource, publisher: any ReviewPublisher, memory: ReviewMemory? = nil,
        engine: ReviewEngine,
        config: (any RepositoryConfigLoader)? = nil, appliesSkipRules: Bool = true,
        contents: (any FileContentSource)? = nil
    ) {
        self.source = source
        self.publisher = publisher
        self.memory = memory
        self.engine = engine
        self.config = config
        self.appliesSkipRules = appliesSkipRules
        self.contents = contents
    }

    /// GitHub's listing cap for `pulls/{n}/files`.
    package static let fileListingCap = 3_000

    /// What the fetch stage read.
    package struct Fetched: Sendable {
        package var pullRequest: PullRequestPayload
        package var changed: [ChangedFile]
        package var prior: PriorReviews
        package var diagnostics: [Diagnostic]
    }

    /// Runs the review: the stages, composed; each returns a value and the report is made from them.
    /// - Returns: the report; ``RunReport/failure`` is set when every model request failed or the review could
    ///   not be posted (everything done until then is in the report). A read-only token leaves the findings in
    ///   the report for annotations.
    /// - Throws: when GitHub could not be read (nothing was done yet).
    package func run(_ ref: PullRequestRef) async throws -> RunReport {
        let start = engine.now()
        let prepared = try await prepare(ref)
        let report =
            if let stop = prepared.rules.stop { RunReport(prepared, stoppedBy: stop) } else { await review(prepared) }
        return report.finished(at: engine.now() - start)
    }

    /// Everything after the rules allowed the review: plan, ask, post, then the pull request's memory.
    private func review(_ prepared: Prepared) async -> RunReport {
        let planned = await plan(prepared)
        let draft = RunReport(prepared, planned: planned)
        guard draft.failure == nil, !draft.dryRun else { return draft }
        let answered = await answer(prepared, planned)
        let reviewed = RunReport(prepared, planned: planned, answered: answered)
        guard reviewed.failure == nil else { return reviewed }
        let posted = await post(reviewed, prepared: prepared)
        let published = reviewed.with(posted)
        guard published.failure == nil, published.publishBlocked == nil, memory != nil else { return published }
        return await remember(published, prepared: prepared)
    }

    /// Stage *fetch*: the pull request, its files and what earlier runs posted, read together.
    func fetch(_ ref: PullRequestRef) async throws -> Fetched {
        async let pullRequestRead = source.pullRequest(ref)
        async let changedRead = source.changedFiles(ref)
        async let priorRead = loadPrior(ref)
        let pullRequest = try await pullRequestRead
        let changed = try await changedRead
        let (prior, priorWarning) = await priorRead
        var diagnostics = priorWarning.map { [$0] } ?? []
        if let total = pullRequest.changedFiles, total > changed.count, changed.count >= Self.fileListingCap {
            diagnostics.append(
                .warning(
                    "GitHub lists at most \(Self.fileListingCap) files; \(total - changed.count) of \(total) were not reviewed"
                ))
        }
        if let warning = engine.profile.unknownModelWarning { diagnostics.append(warning) }
        return Fetched(pullRequest: pullRequest, changed: changed, prior: prior, diagnostics: diagnostics)
    }

    /// What earlier runs posted; an unreadable history means a full review (with a warning), never a failed run.
    private func loadPrior(_ ref: PullRequestRef) async -> (PriorReviews, Diagnostic?) {
        guard let memory else { return (PriorReviews(), nil) }
        do {
            return (PriorReviews(try await memory.history.priorBodies(ref)), nil)
        } catch {
            return (
                PriorReviews(),
                .warning("could not read earlier reviews (\(error)); duplicates of earlier comments are not filtered")
            )
        }
    }
}
