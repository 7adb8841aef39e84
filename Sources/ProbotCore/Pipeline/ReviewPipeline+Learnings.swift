/// The learning stages: the team's learnings read before planning, and after posting, the ledger of every
/// finding's fate and the repository's acceptance table. Nothing here fails a review: an unreadable or
/// unwritable learnings issue is a warning.
extension ReviewPipeline {
    /// What the learnings stage read.
    struct Learned {
        /// The learnings issue; `nil` when learning is off or the issue could not be read.
        var book: LearningBook?
        var diagnostics: [Diagnostic] = []

        /// The learnings that apply to a file of `plan`'s requests.
        func applied(to plan: BatchPlan) -> [Learning] {
            book?.applying(to: plan.batches.flatMap(\.paths)) ?? []
        }
    }

    /// Reads the learnings issue (bounded pagination), when `learn` is on.
    func readLearnings(_ ref: PullRequestRef, settings: ReviewSettings) async -> Learned {
        guard settings.learn, let store = memory?.learnings else { return Learned() }
        do {
            let book = try await store.read(owner: ref.owner, repo: ref.repo)
            if !book.learnings.isEmpty {
                engine.console.info("learnings: \(book.learnings.count) from issue #\(book.issue ?? 0)")
            }
            return Learned(book: book)
        } catch {
            return Learned(diagnostics: [.warning(LearningsUnavailable(cause: "\(error)").description)])
        }
    }

    /// The ledger of this pull request's threads, and the acceptance table updated when it changed.
    ///
    /// On the first review (no earlier inline comment) every thread is the one just posted, open and without
    /// reactions, so the ledger is built from the placement without reading the threads.
    /// - Returns: `nil` for the ledger when learning is off or the threads could not be read.
    func keepLedger(
        _ ref: PullRequestRef, learned: Learned, report: RunReport, prior: PriorReviews, settings: ReviewSettings
    ) async -> (ReviewLedger?, [Diagnostic]) {
        guard settings.learn, let threads = memory?.threads else { return (nil, []) }
        let ledger: ReviewLedger
        if prior.inlineFingerprints.isEmpty && prior.lastReviewedSHA == nil {
            ledger = ReviewLedger(
                entries: report.placement.inline.map { .init(path: $0.path, title: $0.finding.title, fate: .open) })
        } else {
            do {
                ledger = ReviewLedger(threads: try await threads.threads(ref))
            } catch {
                return (nil, [.warning("could not read the review threads for the ledger (\(error))")])
            }
        }
        guard let store = memory?.learnings, let book = learned.book, book.issue != nil || ledger.hasFeedback else {
            return (ledger, [])
        }
        let entries = AcceptanceTable.merged(
            book.acceptance, pullRequest: ref.number, current: ledger.acceptance(pullRequest: ref.number))
        guard entries != book.acceptance else { return (ledger, []) }
        do {
            _ = try await store.writeBody(
                LearningsIssueRenderer.body(entries), owner: ref.owner, repo: ref.repo, in: book)
            return (ledger, [])
        } catch {
            return (ledger, [.warning(LearningsUnavailable(cause: "\(error)").description)])
        }
    }
}
