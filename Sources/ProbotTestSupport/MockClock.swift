package import Foundation
import Synchronization

/// A `Clock` whose `sleep` returns at once and advances virtual time, recording every sleep.
///
/// `wallClock` gives a `Date` that moves with the virtual time, for epoch-based rate-limit headers.
package final class MockClock: Clock, @unchecked Sendable {
    /// A point in virtual time.
    package struct Instant: InstantProtocol {
        package var offset: Duration

        package func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        package func duration(to other: Instant) -> Duration { other.offset - offset }
        package static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))
    /// Wall-clock time at virtual time zero.
    package let start: Date

    /// A clock starting at `start`.
    package init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.start = start
    }

    package var now: Instant { Instant(offset: state.withLock { $0.now }) }
    package var minimumResolution: Duration { .nanoseconds(1) }

    package func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            let wait = deadline.offset - state.now
            if wait > .zero {
                state.sleeps.append(wait)
                state.now = deadline.offset
            }
        }
        await Task.yield()
    }

    /// Every sleep so far.
    package var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Total virtual time slept.
    package var slept: Duration { sleeps.reduce(.zero, +) }

    /// The wall-clock time now.
    package func wallClock() -> Date {
        let offset = state.withLock { $0.now }
        return start.addingTimeInterval(
            Double(offset.components.seconds) + Double(offset.components.attoseconds) / 1e18)
    }
}
