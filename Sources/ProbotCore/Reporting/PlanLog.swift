/// The log lines of a plan and of finished batches.
package enum PlanLog {
    /// `3 request(s) for 12 file(s); prompt budget …`.
    package static func summary(_ plan: BatchPlan) -> String {
        "\(plan.batches.count) request(s) for \(plan.reviewedPaths.count) file(s); "
            + "prompt budget \(Format.count(plan.budget.promptTokens)) tokens (\(plan.counterName)), "
            + "\(Format.count(plan.budget.completionTokens)) reserved for each answer"
    }

    /// One line per batch, then one per skipped file.
    package static func details(_ plan: BatchPlan) -> [String] {
        plan.batches.map { batch in
            "  batch \(batch.number): \(Format.count(batch.promptTokens)) tokens, \(batch.paths.count) file(s): "
                + batch.paths.prefix(5).joined(separator: ", ") + (batch.paths.count > 5 ? ", …" : "")
        } + plan.skipped.map { "  skipped \($0.path): \($0.reason)" }
    }

    /// `[2/5] batch 3 · 3 files · 8,120 → 412 tokens · 4 findings · 2.1 s`.
    package static func progressLine(_ outcome: BatchOutcome, finished: Int, total: Int) -> String {
        let head = "[\(finished)/\(total)] batch \(outcome.batch.label) · \(outcome.batch.paths.count) file(s)"
        switch outcome.result {
        case .reviewed(let review):
            return head
                + " · \(Format.count(outcome.usage.promptTokens)) → \(Format.count(outcome.usage.completionTokens)) tokens"
                + " · \(review.findings.count) finding(s) · \(Format.duration(outcome.duration))"
        case .failed(let failure):
            return head + " · failed: \(failure)"
        }
    }

    /// `[summary] of the whole pull request · 2,310 → 140 tokens · 1.9 s`, or its failure.
    package static func summaryLine(_ merged: SummaryMerger.Merged, duration: Duration) -> String {
        let head = "[summary] of the whole pull request"
        if let failure = merged.failure { return head + " · failed: \(failure)" }
        return head
            + " · \(Format.count(merged.usage.promptTokens)) → \(Format.count(merged.usage.completionTokens)) tokens"
            + " · \(Format.duration(duration))"
    }
}
