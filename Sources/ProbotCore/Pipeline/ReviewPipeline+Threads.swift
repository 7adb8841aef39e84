/// The follow-up stage: after a push, this action's open threads whose problem was fixed are answered once and
/// resolved; the counts go to the summaries.
extension ReviewPipeline {
    /// What the follow-up stage did.
    struct FollowUp {
        var counts: ThreadCounts
        var diagnostics: [Diagnostic] = []
        var usage: TokenUsage = .zero
    }

    /// Resolves addressed threads; `nil` when there is nothing to follow up (first review, same head, off).
    func followUpThreads(
        _ ref: PullRequestRef, head: String, prior: PriorReviews, selection: FileSelector.Selection,
        report: RunReport, settings: ReviewSettings
    ) async -> FollowUp? {
        guard settings.resolveFixed, let store = memory?.threads, let last = prior.lastReviewedSHA, last != head
        else { return nil }
        let threads: [ReviewThread]
        do {
            threads = try await store.threads(ref)
        } catch {
            return FollowUp(
                counts: ThreadCounts(opened: report.placement.inline.count, resolved: 0, stillOpen: 0),
                diagnostics: [.warning("could not read the review threads (\(error)); none was resolved")])
        }
        let changed = Set(selection.files.flatMap { [$0.filename] + ($0.previousFilename.map { [$0] } ?? []) })
        let placement = report.placement
        let verdicts = FixedThreadFinder.verdicts(
            threads, changedPaths: changed, posted: placement.posted.map(FixedThreadFinder.PathTitle.init),
            alreadyPosted: zip(placement.alreadyPosted, placement.alreadyPostedFingerprints).map {
                (FixedThreadFinder.PathTitle($0), $1)
            })
        var candidates = zip(threads, verdicts).filter { $0.1 == .addressed }.map(\.0)
        var followUp = FollowUp(counts: ThreadCounts(opened: report.placement.inline.count, resolved: 0, stillOpen: 0))
        if settings.verifyFixes, !settings.dryRun, !candidates.isEmpty {
            var code: [String: String] = [:]
            for file in report.files { code[file.path] = DiffRenderer.render(file: file, hunks: file.hunks) }
            let (fixed, usage) = await FixVerifier(model: engine.model, profile: engine.profile).fixed(
                candidates, code: code)
            candidates = candidates.filter { fixed.contains($0.id) }
            followUp.usage = usage
        }
        await resolve(candidates, in: ref, head: head, report: report, store: store, into: &followUp)
        let open = threads.count { $0.isOurs && !$0.isResolved }
        followUp.counts.stillOpen = max(0, open - followUp.counts.resolved) + report.placement.inline.count
        return followUp
    }

    /// Resolves each thread and answers it once with what changed in its file; stops at the first refusal.
    private func resolve(
        _ candidates: [ReviewThread], in ref: PullRequestRef, head: String, report: RunReport,
        store: any ReviewThreadStore, into followUp: inout FollowUp
    ) async {
        let changes = Dictionary(
            report.outcomes.compactMap(\.review).flatMap(\.files).map { ($0.path, $0.change) },
            uniquingKeysWith: { first, _ in first })
        for thread in candidates {
            do {
                try await store.resolve(threadID: thread.id)
            } catch let error as ThreadStoreError {
                followUp.diagnostics.append(.warning(error.description))
                break
            } catch {
                followUp.diagnostics.append(.warning("could not resolve the thread on \(thread.path): \(error)"))
                continue
            }
            followUp.counts.resolved += 1
            guard let root = thread.comments.first else { continue }
            var body: Markdown = "Addressed in \(code: head.prefix(7))"
            if let change = changes[thread.path] {
                body += ": " + MarkdownBuilder.tableCell(model: change, repository: "\(ref.owner)/\(ref.repo)")
            }
            body += ".\n\n\(Markers.trusted(Markers.reply))"
            do {
                _ = try await store.reply(ref, rootCommentID: root.id, body: body)
            } catch {
                followUp.diagnostics.append(
                    .warning("resolved the thread on \(thread.path) but could not reply: \(error)"))
            }
        }
    }
}
