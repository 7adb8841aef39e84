/// Plans for time as well as cost. A model's answer takes time in proportion to its length, so a review takes as
/// long as its longest answer: when a pull request fits in fewer requests than there are slots, it is spread over
/// up to `slots` requests balanced by their changed lines (which predict the answers' lengths), as long as each
/// request stays large enough that its fixed part (instructions, schema, examples) is at most 10 % of it.
/// Files are never split here, so no hunk is.
package struct BalancedPacking: Sendable {
    /// Requests in flight at once (`max-concurrency`).
    package var slots: Int

    /// The largest share of a request its fixed part may take.
    package static let fixedShareLimit = 0.10

    /// Memberwise initialiser.
    package init(slots: Int) {
        self.slots = slots
    }

    /// `items` in up to `slots` bins of at most `capacity` tokens, balanced by weight; `nil` when that would not
    /// make more requests than `current` (or they would not fit).
    package func bins(_ items: [BatchItem], capacity: Int, fixedTokens: Int, current: Int) -> [[BatchItem]]? {
        let total = items.reduce(0) { $0 + $1.tokens }
        // fixed / (fixed + share) ≤ 10 %  ⇔  share ≥ 9 × fixed.
        let minimumShare = Int((Double(fixedTokens) * (1 - Self.fixedShareLimit) / Self.fixedShareLimit).rounded(.up))
        let bySize = minimumShare > 0 ? total / minimumShare : items.count
        let target = min(slots, items.count, bySize)
        guard target > current else { return nil }
        var bins = Array(repeating: [BatchItem](), count: target)
        var weights = Array(repeating: 0, count: target)
        var tokens = Array(repeating: 0, count: target)
        // Longest first, each to the lightest request with room: the rounds end together.
        let ordered = items.sorted { ($0.weight, $0.tokens, -$0.order) > ($1.weight, $1.tokens, -$1.order) }
        for item in ordered {
            let open = bins.indices.filter { tokens[$0] + item.tokens <= capacity }
            guard let index = open.min(by: { (weights[$0], tokens[$0]) < (weights[$1], tokens[$1]) }) else {
                return nil
            }
            bins[index].append(item)
            weights[index] += item.weight
            tokens[index] += item.tokens
        }
        return bins.filter { !$0.isEmpty }
    }
}
