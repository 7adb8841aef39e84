/// How a piece of a file steps down to fit, and the related-code block of each request.
///
/// The order in which things go when a piece does not fit: its related declarations first, then its scope
/// context down to the scopes' opening lines, then those lines; only then is the file split (and a diff line
/// never cut). A request whose related block makes it too large loses snippets from the end of the block.
extension PromptBatcher {
    /// The richest way to send `hunks` of `file` within `available` tokens, and what it cut; `nil` when not even
    /// the hunks alone fit. `order` is left at `0` for the caller.
    func fitted(_ file: FileDiff, hunks: [Hunk], part: BatchItem.Part?, related: [RelatedSnippet], available: Int)
        -> (BatchItem, [ContextCut])?
    {
        let hasContext = hunks.contains { file.context[$0.newStart] != nil }
        var rungs: [(level: ContextLevel, related: [RelatedSnippet])] = []
        if !related.isEmpty { rungs.append((hasContext ? .full : .none, related)) }
        if hasContext { rungs += [(.full, []), (.openers, [])] }
        rungs.append((.none, []))
        let position = part.map { ($0.index, $0.count) }
        for rung in rungs {
            let rendered = builder.section(file: file, hunks: hunks, part: position, level: rung.level)
            let extra = rung.related.isEmpty ? 0 : counter.count(RelatedRenderer.render(rung.related)) + 1
            let tokens = counter.count(rendered) + 1 + extra
            guard tokens <= available else { continue }
            var cuts: [ContextCut] = []
            if rung.related.isEmpty && !related.isEmpty {
                cuts.append(ContextCut(path: file.path, part: part, reason: .relatedLeftOut(count: related.count)))
            }
            if hasContext && rung.level == .openers {
                cuts.append(ContextCut(path: file.path, part: part, reason: .openersOnly))
            }
            if hasContext && rung.level == .none {
                cuts.append(ContextCut(path: file.path, part: part, reason: .contextLeftOut))
            }
            let item = BatchItem(
                file: file, hunks: hunks, part: part, rendered: rendered, tokens: tokens, order: 0,
                related: rung.related, level: rung.level)
            return (item, cuts)
        }
        return nil
    }

    /// A request's messages for `bin`: its sections, then one related block deduplicated across the bin (leaving
    /// out what a section already shows), trimmed from its end while the request is over the budget.
    func request(_ bin: [BatchItem]) -> (messages: [ChatMessage], tokens: Int, relatedTokens: Int, cuts: [ContextCut]) {
        var related = relatedBlock(for: bin)
        var dropped: [Int: Int] = [:]
        while true {
            let block = RelatedRenderer.render(related.map(\.snippet))
            let sections = bin.map(\.rendered) + (block.isEmpty ? [] : [block])
            let messages = builder.messages(sections: sections, paths: bin.map(\.file.path))
            let tokens = counter.count(messages: messages)
            if tokens <= budget.promptTokens || related.isEmpty {
                let cuts = dropped.sorted { $0.key < $1.key }.map { index, count in
                    ContextCut(path: bin[index].file.path, part: bin[index].part, reason: .relatedTrimmed(count: count))
                }
                return (messages, tokens, block.isEmpty ? 0 : counter.count(block) + 1, cuts)
            }
            var excess = tokens - budget.promptTokens
            while excess > 0, let last = related.popLast() {
                excess -=
                    counter.count(RelatedRenderer.render([last.snippet]))
                    - counter.count(RelatedRenderer.heading)
                dropped[last.owner, default: 0] += 1
            }
        }
    }

    /// The bin's snippets in item order, each once, without those whose lines a section of the bin shows.
    func relatedBlock(for bin: [BatchItem]) -> [(snippet: RelatedSnippet, owner: Int)] {
        var shown: [String: Set<Int>] = [:]
        for item in bin {
            var lines = Set(item.hunks.flatMap { $0.lines.compactMap(\.newLine) })
            for hunk in item.hunks {
                guard let window = item.level.apply(item.file.context[hunk.newStart]) else { continue }
                lines.formUnion((window.above + window.below).map(\.number))
            }
            shown[item.file.path, default: []].formUnion(lines)
        }
        var seen = Set<String>()
        var block: [(snippet: RelatedSnippet, owner: Int)] = []
        for (owner, item) in bin.enumerated() {
            for snippet in item.related where seen.insert(snippet.key).inserted {
                if let lines = shown[snippet.path], snippet.lines.allSatisfy({ lines.contains($0.number) }) { continue }
                block.append((snippet, owner))
            }
        }
        return block
    }
}
