package import Foundation

/// GitHub's documented rate-limit rules: `retry-after` first, then `x-ratelimit-remaining: 0` until
/// `x-ratelimit-reset` (epoch seconds), then a secondary-limit message means at least a minute; 5xx and
/// transport failures back off. A 403 that is not a rate limit (a read-only token) is final.
///
/// Content-creating requests (POST) are retried only when GitHub refused them before doing anything
/// (rate limits); a 5xx or timeout on a POST may have created the content, so the caller decides.
package struct GitHubRetryClassifier: RetryClassifier {
    /// Creates the classifier.
    package init() {}

    package func decide(_ response: TransportResponse, request: TransportRequest, wallClock: Date) -> RetryDecision {
        let status = response.status
        if status == 403 || status == 429 {
            if let after = response.header("retry-after").flatMap(Double.init), after >= 0 {
                return .retry(
                    after: .milliseconds(Int64(after * 1000)),
                    reason: "GitHub rate limit (\(status), retry-after \(Int(after)) s)")
            }
            if response.header("x-ratelimit-remaining") == "0",
                let reset = response.header("x-ratelimit-reset").flatMap(Double.init)
            {
                let wait = max(1, reset - wallClock.timeIntervalSince1970 + 1)
                return .retry(
                    after: .milliseconds(Int64(wait * 1000)),
                    reason: "GitHub primary rate limit exhausted until \(Int(reset))")
            }
            if response.text.localizedCaseInsensitiveContains("secondary rate limit") {
                return .retry(after: .seconds(60), reason: "GitHub secondary rate limit")
            }
            return .done
        }
        if (500...599).contains(status) && !isContentCreating(request) {
            return .retry(after: nil, reason: "GitHub answered \(status)")
        }
        return .done
    }

    package func retriesTransportErrors(for request: TransportRequest) -> Bool { !isContentCreating(request) }

    private func isContentCreating(_ request: TransportRequest) -> Bool { request.method == "POST" }
}
