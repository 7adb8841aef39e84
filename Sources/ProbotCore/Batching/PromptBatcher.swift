/// Packs files into as few requests as the token budget allows.
///
/// A file that fits goes whole; a larger file is split at hunk boundaries into consecutive runs; a single hunk
/// over the budget is skipped with a reason. Pieces are packed first-fit-decreasing, then every batch is counted
/// as a whole and trimmed if needed, so no request exceeds the budget.
package struct PromptBatcher: Sendable {
    package var counter: any TokenCounter
    package var builder: PromptBuilder
    package var budget: ReviewBudget
    /// Spreads a small pull request over the idle slots (`optimize: time`); `nil` packs for the fewest requests.
    package var balancing: BalancedPacking?

    /// Memberwise initialiser.
    package init(
        counter: any TokenCounter, builder: PromptBuilder, budget: ReviewBudget, balancing: BalancedPacking? = nil
    ) {
        self.counter = counter
        self.builder = builder
        self.budget = budget
        self.balancing = balancing
    }

    /// Tokens of a request with no diff: system prompt, framing and PR context.
    package var fixedTokens: Int { counter.count(messages: builder.messages(sections: [])) }

    /// Plans the requests for `files`, in pull-request order.
    package func plan(_ files: [FileDiff]) -> BatchPlan {
        var batcher = self
        batcher.builder.showsRelated = builder.showsRelated || files.contains { !$0.related.isEmpty }
        return batcher.planned(files)
    }

    private func planned(_ files: [FileDiff]) -> BatchPlan {
        let fixed = fixedTokens
        let available = budget.promptTokens - fixed
        guard available > 0 || files.isEmpty else {
            var plan = BatchPlan(batches: [], skipped: [], budget: budget, counterName: counter.name)
            plan.fixedOverBudget = fixed
            return plan
        }
        var skipped: [SkippedFile] = []
        var items: [BatchItem] = []
        var cuts: [ContextCut] = []
        for (order, file) in files.enumerated() {
            let (pieces, left, cut) = split(file, order: order, available: available)
            items += pieces
            skipped += left
            cuts += cut
        }
        var bins = packFirstFitDecreasing(items, capacity: available)
        if let balanced = balancing?.bins(items, capacity: available, fixedTokens: fixed, current: bins) {
            bins = balanced.sorted { ($0.map(\.order).min() ?? 0) < ($1.map(\.order).min() ?? 0) }
        }
        var batches: [ReviewBatch] = []
        var queue = bins.map { $0.sorted { ($0.order, $0.part?.index ?? 0) < ($1.order, $1.part?.index ?? 0) } }
        while !queue.isEmpty {
            var bin = queue.removeFirst()
            var overflow: [BatchItem] = []
            while true {
                let request = request(bin)
                let tokens = request.tokens
                if tokens <= budget.promptTokens || bin.count == 1 {
                    batches.append(
                        ReviewBatch(
                            number: batches.count + 1, items: bin, messages: request.messages, promptTokens: tokens,
                            overheadTokens: tokens - request.relatedTokens
                                - bin.reduce(0) { $0 + counter.count($1.rendered) }))
                    cuts += request.cuts
                    break
                }
                // Tokenization is not perfectly additive across joins: move the last piece on.
                overflow.insert(bin.removeLast(), at: 0)
            }
            if !overflow.isEmpty { queue.append(overflow) }
        }
        var plan = BatchPlan(batches: batches, skipped: skipped, budget: budget, counterName: counter.name)
        var seen = Set<ContextCut>()
        plan.contextCuts = cuts.filter { seen.insert($0).inserted }
        return plan
    }

    /// The whole file when it fits (stepping down its context, ``fitted(_:hunks:part:related:available:)``), else
    /// consecutive runs of hunks that fit; hunks that never fit are skipped.
    private func split(_ file: FileDiff, order: Int, available total: Int) -> ([BatchItem], [SkippedFile], [ContextCut])
    {
        // The file's path instructions, learnings and nearest AGENTS.md travel with it: its pieces leave room for them.
        let guidance =
            (!builder.hasGuidance ? 0 : counter.count(builder.guidance(for: [file.path])))
            + builder.nestedInstructionTokens(for: file.path, counter: counter)
        let available = total - guidance
        if let (fitting, cuts) = fitted(file, hunks: file.hunks, part: nil, related: file.related, available: available)
        {
            var item = fitting
            item.tokens += guidance
            item.order = order
            return ([item], [], cuts)
        }
        var runs: [[Hunk]] = []
        var current: [Hunk] = []
        var skipped: [SkippedFile] = []
        // Runs are packed so each still fits with its scopes' opening lines: those go only after everything else.
        let packing: ContextLevel = file.context.isEmpty ? .none : .openers
        for hunk in file.hunks {
            let alone = cost(builder.section(file: file, hunks: [hunk], part: (99, 99), withContext: false))
            if alone > available {
                skipped.append(
                    SkippedFile(
                        path: file.path,
                        reason: .hunkOverBudget(header: hunk.header, tokens: alone, budget: available)))
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            if current.isEmpty
                || cost(builder.section(file: file, hunks: current + [hunk], part: (99, 99), level: packing))
                    <= available
            {
                current.append(hunk)
            } else {
                runs.append(current)
                current = [hunk]
            }
        }
        if !current.isEmpty { runs.append(current) }
        var items: [BatchItem] = []
        var cuts: [ContextCut] = []
        for (index, hunks) in runs.enumerated() {
            let part = runs.count > 1 ? BatchItem.Part(index: index + 1, count: runs.count) : nil
            // Each part keeps its own context and related declarations when they still fit.
            let starts = Set(hunks.map(\.newStart))
            let related = file.related.filter { !starts.isDisjoint(with: $0.usedBy) }
            guard let (fitting, cut) = fitted(file, hunks: hunks, part: part, related: related, available: available)
            else { continue }
            var item = fitting
            item.tokens += guidance
            item.order = order
            items.append(item)
            cuts += cut
        }
        return (items, skipped, cuts)
    }

    /// Tokens a section adds to the user message, including its newline separator.
    private func cost(_ rendered: String) -> Int { counter.count(rendered) + 1 }

    /// First-fit decreasing: large pieces first, each into the first batch with room.
    private func packFirstFitDecreasing(_ items: [BatchItem], capacity: Int) -> [[BatchItem]] {
        let ordered = items.enumerated().sorted { lhs, rhs in
            lhs.element.tokens != rhs.element.tokens ? lhs.element.tokens > rhs.element.tokens : lhs.offset < rhs.offset
        }
        var bins: [[BatchItem]] = []
        var remaining: [Int] = []
        for (_, item) in ordered {
            if let index = remaining.firstIndex(where: { $0 >= item.tokens }) {
                bins[index].append(item)
                remaining[index] -= item.tokens
            } else {
                bins.append([item])
                remaining.append(capacity - item.tokens)
            }
        }
        // Batches in the order of their first file, so logs read like the pull request.
        return bins.sorted { ($0.map(\.order).min() ?? 0) < ($1.map(\.order).min() ?? 0) }
    }
}
