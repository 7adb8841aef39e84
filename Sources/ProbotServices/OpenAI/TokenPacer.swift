import Synchronization

/// Paces model requests against a tokens-per-minute limit the API reports, instead of colliding with 429s.
///
/// Each response's `x-ratelimit-remaining-tokens` and `x-ratelimit-reset-tokens` update the budget. A request
/// reserves its prompt tokens plus its completion limit (what OpenAI counts against the limit) before it is sent;
/// when the reported remainder minus what requests in flight reserved cannot cover it, the request waits for the
/// reported reset. With no header seen yet, requests go straight through.
package final class TokenPacer<C: Clock>: Sendable where C.Duration == Duration {
    private struct State {
        var remaining: Int?
        var resetAt: C.Instant?
        var reserved = 0
    }

    private let clock: C
    private let state = Mutex(State())
    /// Called before a wait, for the log.
    private let onWait: @Sendable (_ needed: Int, _ remaining: Int, _ wait: Duration) -> Void

    /// A pacer sleeping on `clock`.
    package init(clock: C, onWait: @escaping @Sendable (Int, Int, Duration) -> Void = { _, _, _ in }) {
        self.clock = clock
        self.onWait = onWait
    }

    /// Waits until `tokens` fit the reported budget, then reserves them.
    package func reserve(_ tokens: Int) async throws {
        while true {
            let decision: (wait: Duration, remaining: Int)? = state.withLock { state in
                guard let remaining = state.remaining else {
                    state.reserved += tokens
                    return nil
                }
                if remaining - state.reserved >= tokens || state.reserved == 0 && remaining >= tokens {
                    state.reserved += tokens
                    return nil
                }
                guard let resetAt = state.resetAt, clock.now < resetAt else {
                    // The window has reset: the old remainder no longer applies.
                    state.remaining = nil
                    state.reserved += tokens
                    return nil
                }
                return (clock.now.duration(to: resetAt), remaining - state.reserved)
            }
            guard let decision else { return }
            onWait(tokens, decision.remaining, decision.wait)
            try await clock.sleep(for: decision.wait)
            state.withLock { state in
                if let resetAt = state.resetAt, clock.now >= resetAt { state.remaining = nil }
            }
        }
    }

    /// Releases a reservation and records what the response reported.
    package func complete(_ tokens: Int, remaining: Int?, resetIn: Duration?) {
        state.withLock { state in
            state.reserved = max(0, state.reserved - tokens)
            if let remaining {
                state.remaining = remaining
                state.resetAt = resetIn.map { clock.now.advanced(by: $0) }
            }
        }
    }
}

/// The two calls the OpenAI client makes on a pacer, so it does not need to know the clock type.
package protocol TokenPacing: Sendable {
    func reserve(_ tokens: Int) async throws
    func complete(_ tokens: Int, remaining: Int?, resetIn: Duration?)
}

extension TokenPacer: TokenPacing {}
