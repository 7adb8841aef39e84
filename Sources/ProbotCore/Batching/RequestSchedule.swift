/// The order in which a run's model requests start, `slots` at a time, and the critical path that order gives.
///
/// Reviews start longest expected answer first, each in the first free slot, so the rounds end together. The one
/// summary of the whole pull request takes a slot like any review; it goes where it lengthens the critical path
/// least (the earliest such place on a tie), and always before at least one review, so no request ever starts
/// after the reviews have finished.
package struct RequestSchedule: Sendable, Equatable {
    /// Indices of the review requests in the order they start.
    package var reviewOrder: [Int]
    /// How many reviews start before the summary; `nil` without a summary.
    package var summaryPosition: Int?
    /// Expected seconds until the last request ends.
    package var criticalPath: Double

    /// Memberwise initialiser.
    package init(reviewOrder: [Int], summaryPosition: Int?, criticalPath: Double) {
        self.reviewOrder = reviewOrder
        self.summaryPosition = summaryPosition
        self.criticalPath = criticalPath
    }

    /// The schedule of reviews expected to take `reviews` seconds each and, unless `nil`, a summary of `summary`
    /// seconds (only with two reviews or more: a single review writes the summary itself).
    package static func make(reviews: [Double], summary: Double?, slots: Int) -> RequestSchedule {
        let order = reviews.indices.sorted { (reviews[$0], -$0) > (reviews[$1], -$1) }
        let sorted = order.map { reviews[$0] }
        guard let summary, reviews.count > 1 else {
            return RequestSchedule(
                reviewOrder: order, summaryPosition: nil, criticalPath: makespan(sorted, slots: slots))
        }
        var best = (position: 0, path: Double.infinity)
        for position in 0..<reviews.count {
            var durations = sorted
            durations.insert(summary, at: position)
            let path = makespan(durations, slots: slots)
            // A tie keeps the earlier place: the summary starts (and ends) as early as it can.
            if path < best.path - 1e-9 { best = (position, path) }
        }
        return RequestSchedule(reviewOrder: order, summaryPosition: best.position, criticalPath: best.path)
    }

    /// When the last of `durations` ends if they start in this order, each in the first free of `slots` slots.
    package static func makespan(_ durations: [Double], slots: Int) -> Double {
        guard !durations.isEmpty else { return 0 }
        var free = Array(repeating: 0.0, count: max(1, min(slots, durations.count)))
        var end = 0.0
        for duration in durations {
            let index = free.indices.min { free[$0] < free[$1] } ?? 0
            free[index] += duration
            end = max(end, free[index])
        }
        return end
    }
}
