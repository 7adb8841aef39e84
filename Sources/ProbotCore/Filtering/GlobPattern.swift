/// A path glob: `*` matches within one path segment, `**` across segments, `?` one character.
///
/// A pattern without `/` matches the file name at any depth (`*.lock` matches `a/b/yarn.lock`), as in
/// `.gitignore`; a pattern ending in `/` matches everything below that folder.
package struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    package let text: String
    private let segments: [Substring]
    private let anchored: Bool

    /// Compiles `text`.
    package init(_ text: String) {
        self.text = text
        var pattern = text.hasPrefix("./") ? String(text.dropFirst(2)) : text
        if pattern.hasSuffix("/") { pattern += "**" }
        if pattern.hasPrefix("/") { pattern.removeFirst() }
        anchored = pattern.contains("/")
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
    }

    package var description: String { text }

    /// Whether `path` (relative, `/`-separated) matches.
    package func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if !anchored {
            guard let name = parts.last, let only = segments.first else { return false }
            return Self.segmentMatches(Array(only.utf8), Array(name.utf8))
        }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let first = path.first, segmentMatches(Array(head.utf8), Array(first.utf8)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// Matches one segment with `*` and `?`, iteratively with backtracking on the last `*`.
    private static func segmentMatches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
