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

/// An exact counter whose vocabulary loads in the background from the moment it is made, so start-up does not
/// wait for it; the first count waits only if the load has not finished yet.
package struct PreloadingTokenCounter: TokenCounter {
    package let encodingName: EncodingName
    package let directory: String?

    /// Starts loading `encodingName`.
    package init(encodingName: EncodingName, directory: String?) {
        self.encodingName = encodingName
        self.directory = directory
        EncodingLoader.preload(encodingName, directory: directory)
    }

    package var name: String { encodingName.rawValue }

    package func count(_ text: String) -> Int {
        // Availability was checked when the counter was made; a failure here would be a file removed mid-run.
        (try? EncodingLoader.load(encodingName, directory: directory).count(text))
            ?? HeuristicTokenCounter().count(text)
    }
}

/// Picks the token counter for a model: its exact encoding, or a conservative estimate when the vocabulary
/// files cannot be found (a broken install), so a review still runs within budget.
package enum TokenCounterFactory {
    /// The counter and, when something needs saying, a warning for the log and summary.
    package static func make(model: String, vocabularyDirectory: String? = nil) -> (
        counter: any TokenCounter, warning: String?
    ) {
        let known = EncodingName.forModel(model)
        let name = known ?? .o200kBase
        guard EncodingLoader.isAvailable(name, directory: vocabularyDirectory) else {
            var reason = "vocabulary not found"
            do { _ = try EncodingLoader.load(name, directory: vocabularyDirectory) } catch {
                reason = error.description
            }
            return (
                HeuristicTokenCounter(), "exact token counts are unavailable (\(reason)); using a conservative estimate"
            )
        }
        let counter = PreloadingTokenCounter(encodingName: name, directory: vocabularyDirectory)
        let warning = known == nil ? "model `\(model)` has no known tokenizer; counting with o200k_base" : nil
        return (counter, warning)
    }
}
