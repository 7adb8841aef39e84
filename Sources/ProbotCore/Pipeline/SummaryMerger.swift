/// Stage *summarise*: when a review took more than one request, one short request merges their summaries into
/// one summary of the whole pull request. A single request needs no extra call.
package struct SummaryMerger: Sendable {
    package var model: any ChatModel
    package var profile: ModelProfile
    package var language: String

    /// Memberwise initialiser.
    package init(model: any ChatModel, profile: ModelProfile, language: String) {
        self.model = model
        self.profile = profile
        self.language = language
    }

    /// What the merge produced.
    package struct Merged: Sendable, Equatable {
        /// The one summary, or `nil` when the merge failed (the parts' summaries are shown instead).
        package var summary: String?
        package var usage: TokenUsage
        package var failure: BatchFailure?
    }

    /// Merges `outcomes`' summaries; `nil` when fewer than two requests succeeded.
    package func merge(_ outcomes: [BatchOutcome], title: String) async -> Merged? {
        let reviews = outcomes.compactMap(\.review)
        guard reviews.count > 1 else { return nil }
        let summaries = reviews.map { $0.summary.trimmingWhitespace() }.filter { !$0.isEmpty }
        let files = reviews.flatMap(\.files)
        let messages = SummaryPrompt.messages(title: title, summaries: summaries, files: files, language: language)
        do {
            let completion = try await model.complete(profile.conversationRequest(messages))
            guard let text = completion.content?.trimmingWhitespace(), !text.isEmpty else {
                return Merged(
                    summary: nil, usage: completion.usage, failure: .refused(completion.refusal ?? "no answer"))
            }
            return Merged(summary: text, usage: completion.usage, failure: nil)
        } catch {
            return Merged(
                summary: nil, usage: .zero,
                failure: .requestFailed(String(describing: error), status: (error as? any HTTPStatusError)?.status))
        }
    }
}
