/// What a plan optimises: the time a review takes, or the number of requests (and tokens of fixed overhead).
package enum Optimize: String, Sendable, CaseIterable, Equatable {
    /// Spread a small pull request over the idle `max-concurrency` slots, balanced by expected answer length.
    case time
    /// Pack into the fewest requests (for teams on tight rate limits).
    case cost
}
