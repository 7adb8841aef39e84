/// A conservative estimate used until an exact tokenizer is wired in: one token per three UTF-8 bytes,
/// rounded up. Real BPE averages about four bytes per token on English and code, so this overestimates.
package struct HeuristicTokenCounter: TokenCounter {
    /// Creates the estimator.
    package init() {}

    package var name: String { "estimate (bytes/3)" }

    package func count(_ text: String) -> Int {
        (text.utf8.count + 2) / 3
    }
}
