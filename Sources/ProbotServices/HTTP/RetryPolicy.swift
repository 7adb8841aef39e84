package import Foundation

/// What to do with a response or a transport failure.
package enum RetryDecision: Sendable, Equatable {
    /// Hand the response to the caller (success, or an error not worth retrying).
    case done
    /// Try again after this wait; `nil` uses exponential backoff with jitter.
    case retry(after: Duration?, reason: String)
}

/// Decides per API whether a response is worth retrying and after how long.
package protocol RetryClassifier: Sendable {
    /// The decision for a response; `wallClock` is the current time, for epoch-based reset headers.
    func decide(_ response: TransportResponse, request: TransportRequest, wallClock: Date) -> RetryDecision
    /// Whether a thrown transport error (timeout, reset connection) may be retried for this request.
    func retriesTransportErrors(for request: TransportRequest) -> Bool
}

/// Retries with a cap on attempts and on total waiting; the clock is injected so tests never sleep.
package struct RetryPolicy<C: Clock>: Sendable where C.Duration == Duration {
    package var clock: C
    /// Current wall-clock time, for `x-ratelimit-reset` epochs.
    package var wallClock: @Sendable () -> Date
    /// Longest total wait across retries of one request; beyond it the request fails with a clear message.
    package var maxTotalWait: Duration
    /// Attempts at most, the first included.
    package var maxAttempts: Int
    /// First backoff step; doubles each retry.
    package var baseDelay: Duration
    /// Longest single backoff step.
    package var maxDelay: Duration
    /// A number in `0..<1` for jitter; injected for deterministic tests.
    package var random: @Sendable () -> Double

    /// Memberwise initialiser with production defaults.
    package init(
        clock: C, wallClock: @escaping @Sendable () -> Date = { Date() }, maxTotalWait: Duration = .seconds(300),
        maxAttempts: Int = 6, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(60),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.clock = clock
        self.wallClock = wallClock
        self.maxTotalWait = maxTotalWait
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// Backoff before retry number `attempt` (1-based): `base · 2^(attempt-1)`, capped, with up to 50 % jitter.
    package func backoff(attempt: Int) -> Duration {
        let exponent = min(attempt - 1, 20)
        var delay = baseDelay * (1 << exponent)
        if delay > maxDelay { delay = maxDelay }
        return delay + delay * (random() * 0.5)
    }
}

/// Why a request gave up after retrying.
package struct RetryExhausted: Error, CustomStringConvertible {
    /// What the last attempt saw.
    package var reason: String
    package var attempts: Int
    package var waited: Duration
    /// The wait the next retry would have needed, when the total-wait cap was the limit.
    package var neededWait: Duration?

    package var description: String {
        var text = "gave up after \(attempts) attempt(s) and \(Self.format(waited)) of waiting: \(reason)"
        if let neededWait {
            text += "; the next retry needed \(Self.format(neededWait)) more, over the `max-wait-seconds` cap"
        }
        return text
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds >= 1 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds * 1000).rounded())) ms"
    }
}

/// An ``HTTPTransport`` that retries what its classifier allows, under a ``RetryPolicy``.
package struct RetryingTransport<C: Clock>: HTTPTransport where C.Duration == Duration {
    package var base: any HTTPTransport
    package var policy: RetryPolicy<C>
    package var classifier: any RetryClassifier
    /// Called before each wait, for the log.
    package var onRetry: @Sendable (_ reason: String, _ wait: Duration, _ attempt: Int) -> Void

    /// Wraps `base`.
    package init(
        base: any HTTPTransport, policy: RetryPolicy<C>, classifier: any RetryClassifier,
        onRetry: @escaping @Sendable (String, Duration, Int) -> Void = { _, _, _ in }
    ) {
        self.base = base
        self.policy = policy
        self.classifier = classifier
        self.onRetry = onRetry
    }

    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        var attempt = 1
        var waited: Duration = .zero
        while true {
            let decision: RetryDecision
            let response: TransportResponse?
            do {
                let received = try await base.send(request)
                response = received
                decision = classifier.decide(received, request: request, wallClock: policy.wallClock())
            } catch {
                if error is CancellationError { throw error }
                guard classifier.retriesTransportErrors(for: request) else { throw error }
                response = nil
                decision = .retry(after: nil, reason: "\(error.localizedDescription)")
            }
            guard case .retry(let after, let reason) = decision else {
                if let response { return response }
                throw RetryExhausted(reason: "no response", attempts: attempt, waited: waited)
            }
            let wait = after ?? policy.backoff(attempt: attempt)
            guard attempt < policy.maxAttempts else {
                throw RetryExhausted(reason: reason, attempts: attempt, waited: waited)
            }
            guard waited + wait <= policy.maxTotalWait else {
                throw RetryExhausted(reason: reason, attempts: attempt, waited: waited, neededWait: wait)
            }
            onRetry(reason, wait, attempt)
            try await policy.clock.sleep(for: wait)
            waited += wait
            attempt += 1
        }
    }
}
