/// A model request that runs beside the reviews in a concurrency slot of its own (the summary of the whole pull
/// request), started where ``RequestSchedule`` puts it. Its result never changes the reviews'.
package struct SideRequest<Value: Sendable>: Sendable {
    /// Its expected seconds, for its place in the schedule.
    package var expectedSeconds: Double
    /// Sends it and returns its result; must not throw (a failure is part of `Value`).
    package var perform: @Sendable () async -> Value

    /// Memberwise initialiser.
    package init(expectedSeconds: Double, perform: @escaping @Sendable () async -> Value) {
        self.expectedSeconds = expectedSeconds
        self.perform = perform
    }
}

/// What one task of ``BatchRunner`` returned.
enum RunnerTaskResult<Value: Sendable>: Sendable {
    case review(Int, [BatchOutcome])
    case side(Value)
}

/// One entry of ``BatchRunner``'s launch order.
enum RunnerLaunch: Sendable, Equatable {
    case review(Int)
    case side

    /// The launch order `schedule` gives, the side request at its position (first when it has none).
    static func order(_ schedule: RequestSchedule, hasSide: Bool) -> [RunnerLaunch] {
        var order = schedule.reviewOrder.map(RunnerLaunch.review)
        if hasSide { order.insert(.side, at: min(schedule.summaryPosition ?? 0, order.count)) }
        return order
    }
}
