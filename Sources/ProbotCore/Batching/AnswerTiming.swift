/// How long a model takes to answer one request: a fixed latency, then the answer written at a steady speed.
///
/// The answer's expected length comes from what the request shows. The constants were learned from the
/// benchmark's answer-bound profile (`probot-benchmarks pipeline --fixed 0.5 --per-hundred-completion 1.0`, whose
/// answers are shaped like a real review's): about 30 tokens for the JSON frame and the request's summary, 20 per
/// file (its walkthrough line, and the odd finding a file draws) and 2 per changed line (findings grow with the
/// changed code: about one 100-token finding per 50 changed lines). A whole-PR summary is at most 120 words,
/// about 160 tokens.
package struct AnswerTiming: Sendable, Equatable {
    /// Seconds before the first answer token.
    package var baseLatencySeconds: Double
    /// Answer tokens per second.
    package var outputTokensPerSecond: Double
    /// The most tokens an answer may take (`max_completion_tokens`).
    package var answerReserve: Int

    /// Answer tokens every review answer takes: the JSON frame and the request's summary.
    package static let baseAnswerTokens = 30
    /// Answer tokens per file in a request.
    package static let answerTokensPerFile = 20
    /// Answer tokens per changed (added or deleted) line in a request.
    package static let answerTokensPerChangedLine = 2
    /// Answer tokens of the one summary of the whole pull request (at most 120 words).
    package static let summaryAnswerTokens = 160

    /// Memberwise initialiser.
    package init(baseLatencySeconds: Double, outputTokensPerSecond: Double, answerReserve: Int) {
        self.baseLatencySeconds = baseLatencySeconds
        self.outputTokensPerSecond = outputTokensPerSecond
        self.answerReserve = answerReserve
    }

    /// The timing of `profile`'s model.
    package init(_ profile: ModelProfile) {
        self.init(
            baseLatencySeconds: profile.baseLatencySeconds, outputTokensPerSecond: profile.outputTokensPerSecond,
            answerReserve: profile.budget.completionTokens)
    }

    /// gpt-4.1-mini's shape: 0.5 s, then 100 tokens a second, 4,096 reserved.
    package static let standard = AnswerTiming(
        baseLatencySeconds: 0.5, outputTokensPerSecond: 100, answerReserve: 4_096)

    /// Expected answer tokens of a review request over `files` files and `changedLines` changed lines.
    package func answerTokens(files: Int, changedLines: Int) -> Int {
        min(
            answerReserve,
            Self.baseAnswerTokens + Self.answerTokensPerFile * files + Self.answerTokensPerChangedLine * changedLines)
    }

    /// Expected seconds to write `tokens` answer tokens, latency included; `0` tokens a second means the answer's
    /// length does not matter (a fixed latency).
    package func seconds(answerTokens tokens: Int) -> Double {
        guard outputTokensPerSecond > 0 else { return baseLatencySeconds }
        return baseLatencySeconds + Double(tokens) / outputTokensPerSecond
    }

    /// Expected seconds of a review request over `files` files and `changedLines` changed lines.
    package func reviewSeconds(files: Int, changedLines: Int) -> Double {
        seconds(answerTokens: answerTokens(files: files, changedLines: changedLines))
    }

    /// Expected seconds of the whole-PR summary request.
    package var summarySeconds: Double {
        seconds(answerTokens: min(answerReserve, Self.summaryAnswerTokens))
    }
}
