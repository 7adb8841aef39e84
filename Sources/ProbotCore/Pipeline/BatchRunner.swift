/// Runs batches against the model with at most `maxConcurrency` requests in flight.
package struct BatchRunner: Sendable {
    package var model: any ChatModel
    package var modelName: String
    package var completionTokens: Int
    package var maxConcurrency: Int
    /// Monotonic time, injected so tests are deterministic.
    package var now: @Sendable () -> ContinuousClock.Instant

    /// Memberwise initialiser.
    package init(
        model: any ChatModel, modelName: String, completionTokens: Int, maxConcurrency: Int,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.model = model
        self.modelName = modelName
        self.completionTokens = completionTokens
        self.maxConcurrency = maxConcurrency
        self.now = now
    }

    /// Runs every batch; a failing batch becomes a `.failed` outcome, never an error that loses the others.
    /// - Parameter onFinish: called once per batch as it completes, in completion order.
    /// - Returns: outcomes in batch order.
    package func run(
        _ batches: [ReviewBatch], onFinish: @Sendable (BatchOutcome, _ finished: Int, _ total: Int) -> Void
    ) async -> [BatchOutcome] {
        var outcomes: [BatchOutcome?] = Array(repeating: nil, count: batches.count)
        await withTaskGroup(of: (Int, BatchOutcome).self) { group in
            var next = 0
            var finished = 0
            func launch() {
                guard next < batches.count else { return }
                let index = next
                let batch = batches[index]
                next += 1
                group.addTask { (index, await runOne(batch)) }
            }
            for _ in 0..<min(max(1, maxConcurrency), batches.count) { launch() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                finished += 1
                onFinish(outcome, finished, batches.count)
                launch()
            }
        }
        return outcomes.compactMap { $0 }
    }

    private func runOne(_ batch: ReviewBatch) async -> BatchOutcome {
        let start = now()
        let request = ChatRequest(
            model: modelName, messages: batch.messages, maxCompletionTokens: completionTokens,
            temperature: ChatRequest.isReasoningModel(modelName) ? nil : 0.2, schema: ReviewSchema.schema)
        do {
            let completion = try await model.complete(request)
            let result: BatchOutcome.Result
            if let refusal = completion.refusal, !refusal.isEmpty {
                result = .failed("the model refused: \(refusal)")
            } else if completion.finishReason == "length" {
                result = .failed(
                    "the answer was cut off at \(completionTokens) completion tokens (finish_reason: length)")
            } else if completion.finishReason == "content_filter" {
                result = .failed("the answer was blocked by the provider's content filter")
            } else {
                do {
                    result = .reviewed(try ModelOutputParser.parse(completion.content ?? ""))
                } catch {
                    result = .failed(error.description)
                }
            }
            return BatchOutcome(batch: batch, result: result, usage: completion.usage, duration: now() - start)
        } catch {
            return BatchOutcome(
                batch: batch, result: .failed(String(describing: error)), usage: .zero, duration: now() - start)
        }
    }
}
