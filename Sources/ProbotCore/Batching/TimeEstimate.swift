/// How long a plan should take on a real model, whose answers take time in proportion to their length: the
/// critical path when the requests run `slots` at a time, the whole-PR summary request included. An estimate from
/// the files and changed lines (``AnswerTiming``), shown next to the cost so a user sees why a review took the time
/// it did, and next to the measured time in the job summary.
package enum TimeEstimate {
    /// Expected answer tokens of a request: see ``AnswerTiming/answerTokens(files:changedLines:)``.
    package static func answerTokens(_ batch: ReviewBatch, reserve: Int) -> Int {
        AnswerTiming(baseLatencySeconds: 0, outputTokensPerSecond: 0, answerReserve: reserve)
            .answerTokens(files: batch.paths.count, changedLines: batch.weight)
    }

    /// Expected seconds of one review request.
    package static func seconds(_ batch: ReviewBatch, timing: AnswerTiming) -> Double {
        timing.reviewSeconds(files: batch.paths.count, changedLines: batch.weight)
    }

    /// Expected seconds of one review request on `profile`'s model.
    package static func seconds(_ batch: ReviewBatch, profile: ModelProfile) -> Double {
        seconds(batch, timing: AnswerTiming(profile))
    }

    /// The order `batches` start in, with the summary request when there are two or more.
    package static func schedule(_ batches: [ReviewBatch], timing: AnswerTiming, slots: Int) -> RequestSchedule {
        RequestSchedule.make(
            reviews: batches.map { seconds($0, timing: timing) }, summary: timing.summarySeconds, slots: slots)
    }

    /// The critical path of `plan`, its summary request included.
    package static func criticalPath(_ plan: BatchPlan, profile: ModelProfile, slots: Int) -> Double {
        schedule(plan.batches, timing: AnswerTiming(profile), slots: slots).criticalPath
    }
}
