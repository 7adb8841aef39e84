/// A path glob: `*` matches within one path segment, `**` across segments, `?` one character.
///
/// A pattern without `/` matches the file name at any depth (`*.lock` matches `a/b/yarn.lock`), as in
/// `.gitignore`; a pattern ending in `/` matches everything below that folder.
package struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    package let text: String
    /// The pattern's segments as UTF-8 bytes (`?` matches one byte).
    private let segments: [[UInt8]]
    private let anchored: Bool

    /// A whole segment `**`.
    private static let globstar = Array("**".utf8)

    /// Compiles `text`.
    package init(_ text: String) {
        self.text = text
        var pattern = text.hasPrefix("./") ? String(text.dropFirst(2)) : text
        if pattern.hasSuffix("/") { pattern += "**" }
        if pattern.hasPrefix("/") { pattern.removeFirst() }
        anchored = pattern.contains("/")
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    package var description: String { text }

    /// Whether `path` (relative, `/`-separated) matches.
    package func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if !anchored {
            guard let name = parts.last, let only = segments.first else { return false }
            return Self.segmentMatches(only, Array(name.utf8))
        }
        return Self.match(segments, parts.map { Array($0.utf8) })
    }

    /// Matches whole segments, `**` standing for any run of them (none included).
    ///
    /// The classic wildcard walk with one restart point: on a mismatch, the latest `**` absorbs one more segment and
    /// matching resumes just after it. Earlier `**`s are never revisited: the latest one can absorb any segments an
    /// earlier one would have taken instead, so the walk makes at most `pattern × path` segment comparisons (the old
    /// recursion retried every split at every `**`, exponential in their number).
    private static func match(_ pattern: [[UInt8]], _ path: [[UInt8]]) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < path.count {
            if p < pattern.count && pattern[p] == globstar {
                star = p
                mark = t
                p += 1
            } else if p < pattern.count && segmentMatches(pattern[p], path[t]) {
                p += 1
                t += 1
            } else if star >= 0 {
                mark += 1
                t = mark
                p = star + 1
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == globstar { p += 1 }
        return p == pattern.count
    }

    /// Matches one segment with `*` and `?`, iteratively with backtracking on the last `*`.
    ///
    /// A `*` in the pattern is always a wildcard, even against a `*` in the name: a file named `src/*x.ts` must
    /// still match `src/*.ts`, or a pull request could keep a file out of `include` by naming it so.
    private static func segmentMatches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
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
