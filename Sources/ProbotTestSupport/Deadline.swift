import Synchronization

/// Runs `body` against a real-time deadline and returns its value, or `nil` when the deadline came first.
///
/// `body` runs in a task of its own that is never awaited or cancelled once the deadline wins: a run stuck in a
/// deadlock cannot be cancelled either (cancelling takes the stuck task's own lock), and a task group would wait
/// for it forever. The test reports the hang instead of becoming it.
/// - Parameters:
///   - limit: How long `body` may take.
///   - body: The work under test.
/// - Returns: `body`'s value, or `nil` when `limit` passed first.
package func withDeadline<T: Sendable>(
    _ limit: Duration, _ body: @escaping @Sendable () async -> T
) async -> T? {
    let race = Race<T>()
    return await withCheckedContinuation { continuation in
        race.start(continuation)
        Task { race.finish(await body()) }
        Task {
            try? await ContinuousClock().sleep(for: limit)
            race.finish(nil)
        }
    }
}

/// The first of two results resumes the continuation; the second is dropped.
private final class Race<T: Sendable>: Sendable {
    private let waiter = Mutex<CheckedContinuation<T?, Never>?>(nil)

    /// Installs the waiter; called before either contender starts.
    func start(_ continuation: CheckedContinuation<T?, Never>) {
        waiter.withLock { $0 = continuation }
    }

    /// Resumes the waiter with `value` if nobody did yet.
    func finish(_ value: T?) {
        // Taken out under the lock and resumed outside it, exactly once.
        let continuation = waiter.withLock { $0.take() }
        continuation?.resume(returning: value)
    }
}
