/// Splits a batch in two for a retry: by files when it has several, else by hunks, down to a single hunk.
package struct BatchSplitter: Sendable {
    package var builder: PromptBuilder
    package var counter: any TokenCounter

    /// Memberwise initialiser.
    package init(builder: PromptBuilder, counter: any TokenCounter) {
        self.builder = builder
        self.counter = counter
    }

    /// Two smaller batches covering exactly the same hunks, or `nil` when `batch` is a single hunk.
    package func halves(of batch: ReviewBatch) -> (ReviewBatch, ReviewBatch)? {
        let items = batch.items
        let first: [BatchItem]
        let second: [BatchItem]
        if items.count >= 2 {
            // Halve by tokens, keeping order.
            let total = items.reduce(0) { $0 + $1.tokens }
            var running = 0
            var cut = 1
            for (index, item) in items.enumerated() where index > 0 {
                running += items[index - 1].tokens
                cut = index
                if running + item.tokens / 2 >= total / 2 { break }
            }
            first = Array(items[..<cut])
            second = Array(items[cut...])
        } else if let item = items.first, item.hunks.count >= 2 {
            let middle = item.hunks.count / 2
            first = [piece(of: item, hunks: Array(item.hunks[..<middle]))]
            second = [piece(of: item, hunks: Array(item.hunks[middle...]))]
        } else {
            return nil
        }
        return (make(batch, first, suffix: 1), make(batch, second, suffix: 2))
    }

    private func piece(of item: BatchItem, hunks: [Hunk]) -> BatchItem {
        let rendered = builder.section(file: item.file, hunks: hunks, withContext: false)
        return BatchItem(
            file: item.file, hunks: hunks, part: item.part, rendered: rendered, tokens: counter.count(rendered) + 1,
            order: item.order)
    }

    private func make(_ parent: ReviewBatch, _ items: [BatchItem], suffix: Int) -> ReviewBatch {
        let messages = builder.messages(sections: items.map(\.rendered), paths: items.map(\.file.path))
        let tokens = counter.count(messages: messages)
        return ReviewBatch(
            number: parent.number, items: items, messages: messages, promptTokens: tokens,
            overheadTokens: tokens - items.reduce(0) { $0 + counter.count($1.rendered) },
            label: "\(parent.label).\(suffix)")
    }
}
