package import ProbotCore
package import Tokenizer

/// ``TokenCounter`` backed by the exact tiktoken-compatible encoding of the model.
package struct BPETokenCounter: TokenCounter {
    package let encoding: BPEEncoding

    /// Wraps a loaded encoding.
    package init(encoding: BPEEncoding) {
        self.encoding = encoding
    }

    package var name: String { encoding.name.rawValue }

    package func count(_ text: String) -> Int { encoding.count(text) }
}

/// Picks the token counter for a model: its exact encoding, or a conservative estimate when the vocabulary
/// files cannot be found (a broken install), so a review still runs within budget.
package enum TokenCounterFactory {
    /// The counter and, when something needs saying, a warning for the log and summary.
    package static func make(model: String, vocabularyDirectory: String? = nil) -> (counter: any TokenCounter, warning: String?) {
        let known = EncodingName.forModel(model)
        let name = known ?? .o200kBase
        do {
            let counter = BPETokenCounter(encoding: try EncodingLoader.load(name, directory: vocabularyDirectory))
            let warning = known == nil ? "model `\(model)` has no known tokenizer; counting with o200k_base" : nil
            return (counter, warning)
        } catch {
            return (HeuristicTokenCounter(), "exact token counts are unavailable (\(error.description)); using a conservative estimate")
        }
    }
}
