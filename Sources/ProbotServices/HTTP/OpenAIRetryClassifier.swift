package import Foundation

/// OpenAI's rules: a 429 `rate_limit_exceeded` waits for `retry-after` (or `retry-after-ms`) or the longer of the
/// `x-ratelimit-reset-requests` / `x-ratelimit-reset-tokens` durations; `insufficient_quota` is never retried;
/// 5xx, 408 and transport failures back off. `context_length_exceeded` is left to the caller, which splits the batch.
package struct OpenAIRetryClassifier: RetryClassifier {
    /// Creates the classifier.
    package init() {}

    package func decide(_ response: TransportResponse, request: TransportRequest, wallClock: Date) -> RetryDecision {
        switch response.status {
        case 429:
            let error = OpenAIAPIError(response: response)
            if error.code == "insufficient_quota" || error.type == "insufficient_quota" { return .done }
            return .retry(after: Self.wait(response), reason: "OpenAI rate limit: \(error.message)")
        case 408, 500...599:
            return .retry(after: nil, reason: "OpenAI answered \(response.status)")
        default:
            return .done
        }
    }

    package func retriesTransportErrors(for request: TransportRequest) -> Bool { true }

    /// The wait the headers ask for, or `nil` to back off.
    static func wait(_ response: TransportResponse) -> Duration? {
        if let milliseconds = response.header("retry-after-ms").flatMap(Double.init), milliseconds >= 0 {
            return .milliseconds(Int64(milliseconds))
        }
        if let seconds = response.header("retry-after").flatMap(Double.init), seconds >= 0 {
            return .milliseconds(Int64(seconds * 1000))
        }
        let resets = ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"].compactMap { name in
            response.header(name).flatMap(GoDuration.parse)
        }
        return resets.max()
    }
}
