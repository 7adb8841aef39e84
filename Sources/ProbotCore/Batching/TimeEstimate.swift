/// How long a plan should take on a real model, whose answers take time in proportion to their length: the
/// critical path when the requests run `slots` at a time. An estimate from the changed lines, shown next to the
/// cost so a user sees why a review took the time it did.
package enum TimeEstimate {
    /// Expected answer tokens of a request: a summary, a line per file, and findings in proportion to its changed
    /// lines, within the answer reserve.
    package static func answerTokens(_ batch: ReviewBatch, reserve: Int) -> Int {
        min(reserve, 80 + 25 * batch.paths.count + 2 * batch.weight)
    }

    /// Expected seconds of one request.
    package static func seconds(_ batch: ReviewBatch, profile: ModelProfile) -> Double {
        profile.baseLatencySeconds
            + Double(answerTokens(batch, reserve: profile.budget.completionTokens)) / profile.outputTokensPerSecond
    }

    /// The critical path of `plan`: the longest requests first, each to the first free slot.
    package static func criticalPath(_ plan: BatchPlan, profile: ModelProfile, slots: Int) -> Double {
        let durations = plan.batches.map { seconds($0, profile: profile) }.sorted(by: >)
        var free = Array(repeating: 0.0, count: max(1, min(slots, max(1, durations.count))))
        for duration in durations {
            let index = free.indices.min { free[$0] < free[$1] } ?? 0
            free[index] += duration
        }
        return free.max() ?? 0
    }
}
