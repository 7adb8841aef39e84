/// Plans for time as well as cost. A model's answer takes time in proportion to its length, so a review takes as
/// long as its longest answer: a pull request may be spread over more requests than first-fit makes (up to the
/// slots, or one more round of them) balanced by their expected answer time (``AnswerTiming``: files and changed lines),
/// as long as each request stays large enough that its fixed part (instructions, schema, examples) is at most 10 %
/// of it. When the summary request has to share a slot with a review, that review is planned lighter by the
/// summary's time, so the two end with the others. Files are never split here, so no hunk is.
///
/// A guard keeps small pull requests cheap: a split into more requests is taken only when the estimated critical
/// path (the whole-PR summary request included, which takes a slot of its own) shrinks by more than a round's fixed
/// cost, the model's base latency. At the same number of requests, balancing is taken whenever it shortens the path.
package struct BalancedPacking: Sendable {
    /// Requests in flight at once (`max-concurrency`).
    package var slots: Int
    /// The model's speed, for the expected answer times.
    package var timing: AnswerTiming

    /// The largest share of a request its fixed part may take.
    package static let fixedShareLimit = 0.10

    /// Memberwise initialiser.
    package init(slots: Int, timing: AnswerTiming = .standard) {
        self.slots = slots
        self.timing = timing
    }

    /// `items` in up to `slots` bins of at most `capacity` tokens, balanced by expected answer time; `nil` when
    /// no balanced plan beats `current` (the first-fit bins) by the guard's margin, or none would fit.
    package func bins(_ items: [BatchItem], capacity: Int, fixedTokens: Int, current: [[BatchItem]]) -> [[BatchItem]]? {
        let total = items.reduce(0) { $0 + $1.tokens }
        // fixed / (fixed + share) ≤ 10 %  ⇔  share ≥ 9 × fixed.
        let minimumShare = Int((Double(fixedTokens) * (1 - Self.fixedShareLimit) / Self.fixedShareLimit).rounded(.up))
        let bySize = minimumShare > 0 ? total / minimumShare : items.count
        // Up to one more round of requests than first-fit made: balanced bins can end the rounds together.
        let largest = min(max(slots, current.count + slots), items.count, bySize)
        let lowest = max(2, current.count)
        guard largest >= lowest else { return nil }
        let baseline = criticalPath(current)
        var best: (bins: [[BatchItem]], path: Double)?
        for count in lowest...largest {
            // Two ways to balance: every request alike, or one request lighter by the summary that shares its slot.
            for summaryShare in [false, true] {
                guard let bins = balanced(items, into: count, capacity: capacity, summaryShare: summaryShare) else {
                    continue
                }
                let path = criticalPath(bins)
                // More requests must win back a round's fixed cost; the same number only has to be faster.
                let margin = count > current.count ? timing.baseLatencySeconds : 0
                guard path < baseline - margin - 1e-9, path < (best?.path ?? .infinity) - 1e-9 else { continue }
                best = (bins, path)
            }
        }
        return best?.bins
    }

    /// The expected critical path of `bins` as requests, with the summary request when there are two or more.
    package func criticalPath(_ bins: [[BatchItem]]) -> Double {
        RequestSchedule.make(reviews: bins.map(seconds), summary: timing.summarySeconds, slots: slots).criticalPath
    }

    /// Expected seconds of one bin as a request.
    private func seconds(_ bin: [BatchItem]) -> Double {
        timing.reviewSeconds(files: Set(bin.map(\.file.path)).count, changedLines: bin.reduce(0) { $0 + $1.weight })
    }

    /// Longest expected answer first, each to the request with the shortest expected answer that has room. With
    /// `summaryShare`, the first request starts as if it already held the summary and the fixed cost of one more
    /// request (in answer tokens at the model's speed): when there are as many requests as slots, the summary
    /// and that request share a slot, and both end with the others.
    private func balanced(_ items: [BatchItem], into count: Int, capacity: Int, summaryShare: Bool) -> [[BatchItem]]? {
        func cost(_ item: BatchItem) -> Int {
            AnswerTiming.answerTokensPerFile + AnswerTiming.answerTokensPerChangedLine * item.weight
        }
        let share = Int((timing.summarySeconds * timing.outputTokensPerSecond).rounded())
        guard !summaryShare || share > 0 else { return nil }
        var bins = Array(repeating: [BatchItem](), count: count)
        var answers = Array(repeating: 0, count: count)
        if summaryShare { answers[0] = share }
        var tokens = Array(repeating: 0, count: count)
        let ordered = items.sorted { (cost($0), $0.tokens, -$0.order) > (cost($1), $1.tokens, -$1.order) }
        for item in ordered {
            let open = bins.indices.filter { tokens[$0] + item.tokens <= capacity }
            guard let index = open.min(by: { (answers[$0], tokens[$0]) < (answers[$1], tokens[$1]) }) else {
                return nil
            }
            bins[index].append(item)
            answers[index] += cost(item)
            tokens[index] += item.tokens
        }
        let filled = bins.filter { !$0.isEmpty }
        return filled.count == count ? filled : nil
    }
}
