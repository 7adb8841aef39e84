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

    /// Runs the review.
    /// - Returns: the report; ``RunReport/failure`` is set when every model request failed or the review could
    ///   not be posted (everything done until then is in the report). A read-only token leaves the findings in
    ///   the report for annotations.
    /// - Throws: when GitHub could not be read (nothing was done yet).
    package func run(_ ref: PullRequestRef) async throws -> RunReport {
        let start = engine.now()
        let console = engine.console
        console.beginGroup("Pull request \(ref)")
        var fetched = try await fetch(ref)
        let head = fetched.pullRequest.head.sha
        console.info("\"\(fetched.pullRequest.title)\" at \(head.prefix(12)): \(fetched.changed.count) changed file(s)")
        let rules = await loadRules(fetched)
        fetched.diagnostics += rules.diagnostics
        var engine = self.engine
        engine.settings = rules.settings
        if let stop = rules.stop {
            console.endGroup()
            var report = RunReport(
                pullRequest: ref, model: engine.profile.name, modelInfo: engine.profile.info,
                dryRun: engine.settings.dryRun, plan: .empty(counterName: engine.counter.name))
            report.title = fetched.pullRequest.title
            report.headSHA = head
            report.filesInDiff = fetched.changed.count
            report.diagnostics = fetched.diagnostics
            report.settingOrigins = rules.origins
            switch stop {
            case .skip(let rule): report.skippedBy = rule
            case .invalid(let error): report.failure = .invalidConfig(error)
            }
            return report.finished(at: engine.now() - start)
        }
        let (attributes, attributeNotes) = await loadAttributes(fetched, settings: engine.settings)
        engine.settings.gitAttributes = attributes
        fetched.diagnostics += attributeNotes
        let selection =
            engine.settings.incremental && memory != nil
            ? await FileSelector(comparer: memory?.comparer ?? NoComparer(), console: console)
                .select(fetched.changed, ref: ref, head: head, prior: fetched.prior)
            : FileSelector.Selection(files: fetched.changed)
        console.endGroup()

        let title = fetched.pullRequest.title
        let description = fetched.pullRequest.body ?? ""
        let context = await readContext(selection.files, head: head, settings: engine.settings)
        let related = await readRelated(
            selection.files, head: head, settings: engine.settings, sources: context.sources)
        let planned = engine.plan(
            selection.files, title: title, description: description, sources: context.sources,
            related: related.snippets)
        var report = RunReport(ref: ref, fetched: fetched, selection: selection, planned: planned, engine: engine)
        report.settingOrigins = rules.origins
        report.contextGaps = context.gaps
        report.symbolIndex = related.status
        report.diagnostics += context.diagnostics
        if let fixed = planned.plan.fixedOverBudget {
            report.failure = .fixedPromptOverBudget(tokens: fixed, budget: planned.plan.budget.promptTokens)
            return report.finished(at: engine.now() - start)
        }
        guard !report.dryRun else { return report.finished(at: engine.now() - start) }

        report.outcomes = await engine.ask(planned.plan, title: title, description: description)
        let failed = report.failedOutcomes
        if let first = failed.first?.failure, failed.count == report.outcomes.count {
            report.failure = .everyRequestFailed(first: first)
            return report.finished(at: engine.now() - start)
        }
        report.diagnostics += failed.map {
            .warning(
                "batch \($0.batch.label) failed (\($0.batch.paths.joined(separator: ", "))): \($0.failure?.description ?? "")"
            )
        }
        let (placed, notes) = engine.place(report.outcomes, files: planned.files)
        report.diagnostics += notes
        report.record(await engine.summarise(report.outcomes, title: title))
        report.placement = Deduplicator.applied(to: placed, files: planned.files, prior: fetched.prior)

        console.beginGroup("Post review")
        defer { console.endGroup() }
        if ReviewPoster.nothingNew(
            report.placement, requests: report.outcomes.count, commitID: head,
            lastReviewedSHA: fetched.prior.lastReviewedSHA)
        {
            report.nothingNew = true
            console.info(
                "nothing new since the last review of \(fetched.prior.lastReviewedSHA?.prefix(12) ?? "this pull request"); nothing posted"
            )
        } else {
            let posted = await ReviewPoster(publisher: publisher, console: console).post(
                report.placement, to: ref, commitID: head
            ) { [report] placement in
                var draft = report
                draft.placement = placement
                return ReviewBodyRenderer.render(draft)
            }
            report.record(posted)
        }
        if report.failure == nil && report.publishBlocked == nil, let memory {
            if let followUp = await followUpThreads(
                ref, head: head, prior: fetched.prior, selection: selection, report: report, settings: engine.settings)
            {
                report.threads = followUp.counts
                report.diagnostics += followUp.diagnostics
                report.verifyUsage = followUp.usage
            }
            do {
                _ = try await memory.summaries.upsertSummary(
                    ref, body: StickySummaryRenderer.render(report), existingID: fetched.prior.summaryCommentID)
            } catch {
                report.diagnostics.append(.warning("could not update the summary comment: \(error)"))
            }
            if engine.settings.describe, let descriptions = memory.descriptions, !report.nothingNew {
                let existing = fetched.pullRequest.body ?? ""
                let block = DescriptionRenderer.block(
                    report, budget: ReviewBodyRenderer.characterLimit - existing.count - 1_000)
                do {
                    try await descriptions.updateDescription(
                        ref, body: DescriptionRenderer.merge(existing: existing, block: block))
                } catch {
                    report.diagnostics.append(.warning("could not update the pull request's description: \(error)"))
                }
            }
        }
        return report.finished(at: engine.now() - start)
    }

    /// Stage *fetch*: the pull request, its files and what earlier runs posted, read together.
    private func fetch(_ ref: PullRequestRef) async throws -> Fetched {
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

/// A comparer for runs without memory: nothing is reachable, so every file is reviewed.
private struct NoComparer: ChangeComparer {
    func changedPaths(_ ref: PullRequestRef, base: String, head: String) async throws -> [String]? { nil }
}
