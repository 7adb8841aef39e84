/// tiktoken's byte-pair merge: repeatedly merge the adjacent pair whose concatenation has the lowest rank
/// (leftmost on ties) until no adjacent pair is a token.
enum BytePairMerge {
    /// Pieces longer than this use the heap-based merge, which is O(n log n) instead of O(n²).
    static let heapThreshold = 128

    /// Appends the ranks of `piece` (`length` bytes, not itself a token) to `output`.
    static func encode(_ piece: UnsafePointer<UInt8>, _ length: Int, _ vocabulary: Vocabulary, into output: inout [Int])
    {
        if length <= heapThreshold {
            quadratic(piece, length, vocabulary, into: &output)
        } else {
            heap(piece, length, vocabulary, into: &output)
        }
    }

    /// The reference algorithm, as in tiktoken's `_byte_pair_merge`.
    static func quadratic(
        _ piece: UnsafePointer<UInt8>, _ length: Int, _ vocabulary: Vocabulary, into output: inout [Int]
    ) {
        // parts[k] = (start offset, rank of the pair starting at this part)
        var starts = [Int](unsafeUninitializedCapacity: length + 1) { buffer, count in
            for index in 0...length { buffer[index] = index }
            count = length + 1
        }
        var ranks = [Int32](repeating: Int32.max, count: length + 1)
        for index in 0..<(length - 1) {
            let rank = vocabulary.rank(piece + index, 2)
            ranks[index] = rank < 0 ? Int32.max : rank
        }
        func pairRank(_ k: Int) -> Int32 {
            guard k + 3 < starts.count else { return Int32.max }
            let rank = vocabulary.rank(piece + starts[k], starts[k + 3] - starts[k])
            return rank < 0 ? Int32.max : rank
        }
        while true {
            var minRank = Int32.max
            var minIndex = -1
            for k in 0..<(starts.count - 1) where ranks[k] < minRank {
                minRank = ranks[k]
                minIndex = k
            }
            guard minIndex >= 0 else { break }
            if minIndex > 0 { ranks[minIndex - 1] = pairRank(minIndex - 1) }
            ranks[minIndex] = pairRank(minIndex)
            starts.remove(at: minIndex + 1)
            ranks.remove(at: minIndex + 1)
        }
        for k in 0..<(starts.count - 1) {
            output.append(Int(vocabulary.rank(piece + starts[k], starts[k + 1] - starts[k])))
        }
    }

    /// The same merges with a linked list and a min-heap keyed by (rank, start), so ties still go leftmost.
    static func heap(_ piece: UnsafePointer<UInt8>, _ length: Int, _ vocabulary: Vocabulary, into output: inout [Int]) {
        // Parts are byte positions; next/previous link the live parts; `end` of part p is next[p].
        var next = [Int](unsafeUninitializedCapacity: length + 1) { buffer, count in
            for index in 0...length { buffer[index] = index + 1 }
            count = length + 1
        }
        var previous = [Int](unsafeUninitializedCapacity: length + 1) { buffer, count in
            for index in 0...length { buffer[index] = index - 1 }
            count = length + 1
        }
        var alive = [Bool](repeating: true, count: length + 1)
        // The rank currently recorded for the pair starting at part p (merging p with next[p]).
        var pairRanks = [Int32](repeating: Int32.max, count: length + 1)
        var queue = MinHeap()
        func rankOfPair(_ p: Int) -> Int32 {
            let q = next[p]
            guard q < length else { return Int32.max }
            let end = next[q]
            let rank = vocabulary.rank(piece + p, end - p)
            return rank < 0 ? Int32.max : rank
        }
        for p in 0..<(length - 1) {
            let rank = rankOfPair(p)
            pairRanks[p] = rank
            if rank != Int32.max { queue.push(rank, p) }
        }
        while let (rank, p) = queue.pop() {
            guard alive[p], pairRanks[p] == rank, next[p] < length else { continue }
            // Merge p with its successor q.
            let q = next[p]
            alive[q] = false
            next[p] = next[q]
            if next[q] <= length { previous[next[q]] = p }
            // Update the pair ranks of p and of its predecessor.
            let newRank = rankOfPair(p)
            pairRanks[p] = newRank
            if newRank != Int32.max { queue.push(newRank, p) }
            let before = previous[p]
            if before >= 0 {
                let beforeRank = rankOfPair(before)
                pairRanks[before] = beforeRank
                if beforeRank != Int32.max { queue.push(beforeRank, before) }
            }
        }
        var p = 0
        while p < length {
            output.append(Int(vocabulary.rank(piece + p, next[p] - p)))
            p = next[p]
        }
    }
}

/// A binary min-heap of (rank, position), ordered by rank then position.
struct MinHeap {
    private var items: [(rank: Int32, position: Int)] = []

    @inline(__always)
    private static func less(_ a: (rank: Int32, position: Int), _ b: (rank: Int32, position: Int)) -> Bool {
        a.rank != b.rank ? a.rank < b.rank : a.position < b.position
    }

    mutating func push(_ rank: Int32, _ position: Int) {
        items.append((rank, position))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Int32, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count && Self.less(items[left], items[smallest]) { smallest = left }
                if right < items.count && Self.less(items[right], items[smallest]) { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top.rank, top.position)
    }
}
