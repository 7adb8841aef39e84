/// Writes the one summary of a whole pull request from a compact view of the change, in a request that starts
/// together with the reviews (no serial round after them). Its failure only loses the summary.
package struct PullRequestSummarizer: Sendable {
    package var model: any ChatModel
    package var profile: ModelProfile
    package var language: String
    /// Builds the compact view.
    package var overview: ChangeOverview

    /// Memberwise initialiser.
    package init(model: any ChatModel, profile: ModelProfile, language: String, overview: ChangeOverview) {
        self.model = model
        self.profile = profile
        self.language = language
        self.overview = overview
    }

    /// The request for `files` of a pull request titled `title`.
    package func request(_ files: [FileDiff], title: String) -> ChatRequest {
        profile.conversationRequest(
            SummaryPrompt.messages(title: title, overview: overview.render(files), language: language))
    }

    /// Sends the summary request; a failure or an empty answer is part of the result, never thrown.
    package func summarise(_ files: [FileDiff], title: String) async -> SummaryMerger.Merged {
        do {
            let completion = try await model.complete(request(files, title: title))
            guard let text = completion.content?.trimmingWhitespace(), !text.isEmpty else {
                return SummaryMerger.Merged(
                    summary: nil, usage: completion.usage, failure: .refused(completion.refusal ?? "no answer"))
            }
            return SummaryMerger.Merged(summary: text, usage: completion.usage, failure: nil)
        } catch {
            return SummaryMerger.Merged(
                summary: nil, usage: .zero,
                failure: .requestFailed(String(describing: error), status: (error as? any HTTPStatusError)?.status))
        }
    }
}
