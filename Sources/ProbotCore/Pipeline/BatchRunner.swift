/// Runs batches against the model with at most `maxConcurrency` requests in flight.
package struct BatchRunner: Sendable {
    package var model: any ChatModel
    /// The model's request policy and answer reserve.
    package var profile: ModelProfile
    package var maxConcurrency: Int
    /// Makes smaller batches for retries.
    package var splitter: BatchSplitter
    /// Holds back requests that could pass `max-cost-usd`.
    package var costGate: CostGate?
    /// Monotonic time, injected so tests are deterministic.
    package var now: @Sendable () -> ContinuousClock.Instant

    /// Memberwise initialiser.
    package init(
        model: any ChatModel, profile: ModelProfile, maxConcurrency: Int, splitter: BatchSplitter,
        costGate: CostGate? = nil, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.model = model
        self.profile = profile
        self.maxConcurrency = maxConcurrency
        self.splitter = splitter
        self.costGate = costGate
        self.now = now
    }

    /// Runs every batch; a failing batch becomes a `.failed` outcome, never an error that loses the others.
    ///
    /// A prompt over the context window is split in two and the halves retried, down to single hunks. An answer
    /// cut off (`finish_reason: length`) or not matching the schema gets one retry with a smaller batch (the same
    /// batch when it is a single hunk). A refusal is recorded, not retried.
    /// - Parameter onFinish: called once per planned batch as it completes, in completion order.
    /// - Returns: outcomes in batch order; a split batch contributes one outcome per half.
    package func run(
        _ batches: [ReviewBatch], onFinish: @Sendable ([BatchOutcome], _ finished: Int, _ total: Int) -> Void
    ) async -> [BatchOutcome] {
        await run(batches, beside: SideRequest<Bool>?.none, onFinish: onFinish).outcomes
    }

    /// Runs every batch as ``run(_:onFinish:)`` does and `side` in a slot of its own, longest expected answer
    /// first, `side` where ``RequestSchedule`` puts it.
    /// - Returns: outcomes in batch order and `side`'s result (`nil` without one).
    package func run<Value: Sendable>(
        _ batches: [ReviewBatch], beside side: SideRequest<Value>?,
        onFinish: @Sendable ([BatchOutcome], _ finished: Int, _ total: Int) -> Void
    ) async -> (outcomes: [BatchOutcome], side: Value?) {
        var outcomes: [[BatchOutcome]] = Array(repeating: [], count: batches.count)
        var sideResult: Value?
        let timing = AnswerTiming(profile)
        let schedule = RequestSchedule.make(
            reviews: batches.map { TimeEstimate.seconds($0, timing: timing) }, summary: side?.expectedSeconds,
            slots: maxConcurrency)
        let launchOrder = RunnerLaunch.order(schedule, hasSide: side != nil)
        await withTaskGroup(of: RunnerTaskResult<Value>.self) { group in
            var next = 0
            var finished = 0
            func launch() {
                guard next < launchOrder.count else { return }
                let entry = launchOrder[next]
                next += 1
                switch entry {
                case .side:
                    guard let side else { return }
                    group.addTask { .side(await side.perform()) }
                case .review(let index):
                    group.addTask { .review(index, await reviewAdmitted(batches[index])) }
                }
            }
            for _ in 0..<min(max(1, maxConcurrency), launchOrder.count) { launch() }
            while let result = await group.next() {
                switch result {
                case .side(let value):
                    sideResult = value
                case .review(let index, let result):
                    outcomes[index] = result
                    finished += 1
                    onFinish(result, finished, batches.count)
                }
                launch()
            }
        }
        return (outcomes.flatMap { $0 }, sideResult)
    }

    /// One batch, held back when the cost gate refuses it.
    private func reviewAdmitted(_ batch: ReviewBatch) async -> [BatchOutcome] {
        guard let gate = costGate else { return await review(batch, retryAllowed: true) }
        guard gate.admit(batch) else {
            return [BatchOutcome(batch: batch, result: .failed(gate.refusal), usage: .zero, duration: .zero)]
        }
        let outcomes = await review(batch, retryAllowed: true)
        gate.settle(batch, usage: outcomes.reduce(.zero) { $0 + $1.usage })
        return outcomes
    }

    private func review(_ batch: ReviewBatch, retryAllowed: Bool) async -> [BatchOutcome] {
        let start = now()
        let request = profile.reviewRequest(batch.messages, estimatedPromptTokens: batch.promptTokens)
        let completion: ChatCompletion
        do {
            completion = try await model.complete(request)
        } catch ChatModelError.contextLengthExceeded(let message) {
            guard let (first, second) = splitter.halves(of: batch) else {
                return [failed(batch, .hunkOverContextWindow(message), start: start)]
            }
            return await review(first, retryAllowed: retryAllowed) + review(second, retryAllowed: retryAllowed)
        } catch {
            return [
                failed(
                    batch, .requestFailed(String(describing: error), status: (error as? any HTTPStatusError)?.status),
                    start: start)
            ]
        }
        let problem: BatchFailure
        if let refusal = completion.refusal, !refusal.isEmpty {
            return [
                BatchOutcome(
                    batch: batch, result: .failed(.refused(refusal)), usage: completion.usage, duration: now() - start)
            ]
        } else if completion.finishReason == "content_filter" {
            return [
                BatchOutcome(
                    batch: batch, result: .failed(.contentFiltered), usage: completion.usage, duration: now() - start)
            ]
        } else if completion.finishReason == "length" {
            problem = .truncated(completionTokens: request.maxCompletionTokens)
        } else {
            do {
                let review = try ModelOutputParser.parse(completion.content ?? "")
                return [
                    BatchOutcome(
                        batch: batch, result: .reviewed(review), usage: completion.usage, duration: now() - start)
                ]
            } catch {
                problem = .unreadableAnswer(error.description)
            }
        }
        let spent = BatchOutcome(
            batch: batch, result: .failed(problem), usage: completion.usage, duration: now() - start)
        guard retryAllowed else { return [spent] }
        // One retry with a smaller batch; the tokens of the failed attempt stay on the bill.
        let retried: [BatchOutcome]
        if let (first, second) = splitter.halves(of: batch) {
            retried = await review(first, retryAllowed: false) + review(second, retryAllowed: false)
        } else {
            retried = await review(batch, retryAllowed: false)
        }
        guard var head = retried.first else { return [spent] }
        head.usage = head.usage + spent.usage
        return [head] + retried.dropFirst()
    }

    private func failed(_ batch: ReviewBatch, _ reason: BatchFailure, start: ContinuousClock.Instant) -> BatchOutcome {
        BatchOutcome(batch: batch, result: .failed(reason), usage: .zero, duration: now() - start)
    }
}
