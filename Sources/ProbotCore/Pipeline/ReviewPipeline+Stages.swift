/// The review's stages, in the order ``ReviewPipeline/run(_:)`` composes them. Each takes the values of the
/// stages before it and returns its own; ``RunReport`` is made from those values.
extension ReviewPipeline {
    /// What the stages before the model read and decided: the pull request, the repository's rules, the
    /// engine with them applied, and the files to review.
    struct Prepared: Sendable {
        var ref: PullRequestRef
        var fetched: Fetched
        var rules: Rules
        /// The engine with the repository's settings and attributes applied.
        var engine: ReviewEngine
        var selection: FileSelector.Selection
        /// The team's learnings, read before planning.
        var learned = Learned()
        /// The code around the selected files' hunks.
        var context = Context()
        /// When the run started, for the time until the plan.
        var started: ContinuousClock.Instant
    }

    /// What the plan stage made: the batches, and the context read for them.
    struct Planned: Sendable {
        var result: ReviewPlanner.Result
        var context: Context
        /// The related declarations shown, and the index they came from.
        var related: Related
        /// When the plan was ready (the estimate counts from here).
        var finished: ContinuousClock.Instant
    }

    /// What the model answered, placed on the diff and checked against earlier runs.
    struct Answered: Sendable {
        var outcomes: [BatchOutcome]
        var merged: SummaryMerger.Merged?
        var placement: PlacementResult
        var diagnostics: [Diagnostic]
    }

    /// What the post stage did: the review posted, or nothing new to post.
    struct Posted: Sendable {
        var result: ReviewPoster.Result?
        var nothingNew: Bool
    }

    /// Stages *fetch* and *rules*, then *attributes*, *agent instructions*, *learnings* and *select* → *context*
    /// together (each needs only the rules), in the log's "Pull request" group.
    func prepare(_ ref: PullRequestRef) async throws -> Prepared {
        let started = engine.now()
        let console = engine.console
        console.beginGroup("Pull request \(ref)")
        defer { console.endGroup() }
        var fetched = try await fetch(ref)
        let head = fetched.pullRequest.head.sha
        console.info("\"\(fetched.pullRequest.title)\" at \(head.prefix(12)): \(fetched.changed.count) changed file(s)")
        let rules = await loadRules(fetched)
        fetched.diagnostics += rules.diagnostics
        var engine = self.engine
        engine.settings = rules.settings
        guard rules.stop == nil else {
            return Prepared(
                ref: ref, fetched: fetched, rules: rules, engine: engine,
                selection: FileSelector.Selection(files: fetched.changed), started: started)
        }
        // None of these reads needs another's answer: on GitHub each is a round trip, so they go out together.
        let (read, settings) = (fetched, engine.settings)
        async let attributesRead = loadAttributes(read, settings: settings)
        async let instructionsRead = loadAgentInstructions(read, settings: settings)
        async let learnedRead = readLearnings(ref, settings: settings)
        async let selectedRead = selectWithContext(read, ref: ref, settings: settings)
        let (attributes, attributeNotes) = await attributesRead
        engine.settings.gitAttributes = attributes
        fetched.diagnostics += attributeNotes
        let (instructions, instructionNotes) = await instructionsRead
        if let instructions { engine.settings.agentInstructions = instructions }
        fetched.diagnostics += instructionNotes
        let learned = await learnedRead
        engine.settings.learnings = learned.book?.learnings ?? []
        fetched.diagnostics += learned.diagnostics
        let (selection, context) = await selectedRead
        return Prepared(
            ref: ref, fetched: fetched, rules: rules, engine: engine, selection: selection, learned: learned,
            context: context, started: started)
    }

    /// Stages *select* and *context*: the files to review (only those changed since the last review, when
    /// incremental), then the code around their hunks.
    private func selectWithContext(
        _ fetched: Fetched, ref: PullRequestRef, settings: ReviewSettings
    ) async -> (FileSelector.Selection, Context) {
        let head = fetched.pullRequest.head.sha
        let selection =
            settings.incremental && memory != nil
            ? await FileSelector(comparer: memory?.comparer ?? NoComparer(), console: engine.console)
                .select(fetched.changed, ref: ref, head: head, prior: fetched.prior)
            : FileSelector.Selection(files: fetched.changed)
        return (selection, await readContext(selection.files, head: head, settings: settings))
    }

    /// Stages *related* and *plan*: the declarations the change uses, then the batches.
    func plan(_ prepared: Prepared) async -> Planned {
        let pullRequest = prepared.fetched.pullRequest
        let context = prepared.context
        let related = await readRelated(
            prepared.selection.files, head: pullRequest.head.sha, settings: prepared.engine.settings,
            sources: context.sources)
        let result = prepared.engine.plan(
            prepared.selection.files, title: pullRequest.title, description: pullRequest.body ?? "",
            sources: context.sources, related: related.snippets)
        return Planned(result: result, context: context, related: related, finished: prepared.engine.now())
    }

    /// Stages *ask*, *summarise*, *place* and *dedupe*.
    func answer(_ prepared: Prepared, _ planned: Planned) async -> Answered {
        var engine = prepared.engine
        // Claims are checked against the index too, when there is one.
        if let index = planned.related.index { engine.declarations = index }
        let title = prepared.fetched.pullRequest.title
        // The reviews and the whole-PR summary go out in one round: no request waits for another's answer.
        let round = await engine.round(
            planned.result.plan, files: planned.result.files, title: title,
            description: prepared.fetched.pullRequest.body ?? "")
        let outcomes = round.outcomes
        let failed = outcomes.filter { $0.review == nil }
        guard failed.count < outcomes.count else {
            return Answered(outcomes: outcomes, merged: nil, placement: PlacementResult(), diagnostics: [])
        }
        var diagnostics: [Diagnostic] = failed.map {
            .warning(
                "batch \($0.batch.label) failed (\($0.batch.paths.joined(separator: ", "))): \($0.failure?.description ?? "")"
            )
        }
        let (placed, notes) = engine.place(outcomes, files: planned.result.files)
        diagnostics += notes
        let merged = round.summary
        let placement = Deduplicator.applied(to: placed, files: planned.result.files, prior: prepared.fetched.prior)
        return Answered(outcomes: outcomes, merged: merged, placement: placement, diagnostics: diagnostics)
    }

    /// Stage *post*: one review, unless nothing changed since the last one.
    func post(_ reviewed: RunReport, prepared: Prepared) async -> Posted {
        let console = engine.console
        console.beginGroup("Post review")
        defer { console.endGroup() }
        let head = prepared.fetched.pullRequest.head.sha
        let last = prepared.fetched.prior.lastReviewedSHA
        if ReviewPoster.nothingNew(
            reviewed.placement, requests: reviewed.outcomes.count, commitID: head, lastReviewedSHA: last)
        {
            console.info(
                "nothing new since the last review of \(last?.prefix(12) ?? "this pull request"); nothing posted")
            return Posted(result: nil, nothingNew: true)
        }
        let result = await ReviewPoster(publisher: publisher, console: console).post(
            reviewed.placement, to: prepared.ref, commitID: head
        ) { placement in
            var draft = reviewed
            draft.placement = placement
            return ReviewBodyRenderer.render(draft)
        }
        return Posted(result: result, nothingNew: false)
    }

    /// Stages *follow up*, *sticky summary* and *description*: what the pull request keeps after the review.
    /// Each failure is a warning; the review is already posted.
    func remember(_ published: RunReport, prepared: Prepared) async -> RunReport {
        guard let memory else { return published }
        var report = published
        if let followUp = await followUpThreads(
            prepared.ref, head: report.headSHA, prior: prepared.fetched.prior, selection: prepared.selection,
            report: report, settings: prepared.engine.settings)
        {
            report = report.with(followUp)
        }
        let (ledger, ledgerNotes) = await keepLedger(
            prepared.ref, learned: prepared.learned, report: report, prior: prepared.fetched.prior,
            settings: prepared.engine.settings)
        report.ledger = ledger
        report.diagnostics += ledgerNotes
        do {
            _ = try await memory.summaries.upsertSummary(
                prepared.ref, body: StickySummaryRenderer.render(report),
                existingID: prepared.fetched.prior.summaryCommentID)
        } catch {
            report.diagnostics.append(.warning("could not update the summary comment: \(error)"))
        }
        if let warning = await describe(report, prepared: prepared) { report.diagnostics.append(warning) }
        return report
    }

    /// Writes the walkthrough into the pull request's description (`describe`); a failure is a warning.
    private func describe(_ report: RunReport, prepared: Prepared) async -> Diagnostic? {
        guard prepared.engine.settings.describe, let descriptions = memory?.descriptions, !report.nothingNew else {
            return nil
        }
        let existing = prepared.fetched.pullRequest.body ?? ""
        let block = DescriptionRenderer.block(
            report, budget: ReviewBodyRenderer.characterLimit - existing.count - 1_000)
        do {
            try await descriptions.updateDescription(
                prepared.ref, body: DescriptionRenderer.merge(existing: existing, block: block))
            return nil
        } catch {
            return .warning("could not update the pull request's description: \(error)")
        }
    }
}

/// A comparer for runs without memory: nothing is reachable, so every file is reviewed.
struct NoComparer: ChangeComparer {
    func changedPaths(_ ref: PullRequestRef, base: String, head: String) async throws -> [String]? { nil }
}
