/// One of `count` deterministic slices of a repository's files, so a job matrix splits an audit without overlap.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    package var index: Int
    package var count: Int

    /// Parses `i/n` with `1 ≤ i ≤ n`.
    package init?(_ text: String) {
        let parts = text.split(separator: "/").map { Int(String($0).trimmingWhitespace()) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index)
        else {
            return nil
        }
        self.index = index
        self.count = count
    }

    package var description: String { "\(index)/\(count)" }

    /// Whether `path` belongs to this shard: FNV-1a of the path, modulo the count. Stable across runs and machines.
    package func contains(_ path: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }
}
