import ProbotCore
import Testing

struct GlobPatternTests {
    @Test(arguments: [
        ("*.lock", "yarn.lock", true),
        ("*.lock", "deep/dir/Cargo.lock", true),
        ("*.swift", "Sources/App/main.swift", true),
        ("*.swift", "main.swift.orig", false),
        ("src/*.ts", "src/a.ts", true),
        ("src/*.ts", "src/nested/a.ts", false),
        ("src/**/*.ts", "src/nested/deep/a.ts", true),
        ("src/**/*.ts", "src/a.ts", true),
        ("**/vendor/**", "a/b/vendor/c/d.go", true),
        ("vendor/**", "vendor/x.go", true),
        ("vendor/**", "src/vendor/x.go", false),
        ("docs/", "docs/guide/intro.md", true),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false),
        ("./Sources/**", "Sources/a.swift", true),
        ("*.min.js", "public/app.min.js", true),
        ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "aXXbYY", false),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test(arguments: [
        ("x/**", "x", true),
        ("**", "a/b/c", true),
        ("**/a", "a", true),
        ("**/a", "x/y/a", true),
        ("**/a", "x/a/y", false),
        ("a/**", "a", true),
        ("a/**/b", "a/b", true),
        ("a/**/b", "a/x/y/b", true),
        ("a/**/b", "a/x/b/y", false),
        ("a/**/**/b", "a/b", true),
        ("**/a/**/b/**", "b/a/b", true),
        ("**/a/**/b/**", "b/a/a", false),
        ("**/x*/**/*y", "p/x1/q/r/2y", true),
        ("**/x*/**/*y", "p/x1/q/r/2z", false),
        ("src/**/test/*.swift", "src/a/test/b/test/c.swift", true),
        ("src/**/test/*.swift", "src/a/test/b/c.swift", false),
        ("a/?/c", "a/b/c", true),
        ("a/?/c", "a/bb/c", false),
        ("a/b", "a/b/c", false),
        ("a/b/c", "a/b", false),
        ("/a/*", "a/b", true),
        ("a//b", "a/b", true),
        ("a/**", "b/a", false),
    ])
    func globstarCases(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    /// Names may contain `*` and `?` themselves; in a pattern they stay wildcards.
    @Test(arguments: [
        ("src/*.ts", "src/*x.ts", true),
        ("*.generated.swift", "*x.generated.swift", true),
        ("a*b", "a*xb", true),
        ("a?c", "a*c", true),
        ("a*", "b*", false),
    ])
    func wildcardCharactersInNames(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    /// A deep path against four `**` used to take tens of seconds (each `**` retried every split); the matcher is
    /// now linear in pattern × path, so this finishes at once.
    @Test func manyGlobstarsAgainstADeepPathFinish() {
        let pattern = GlobPattern("**/a/**/b/**/c/**/d")
        let deep = Array(repeating: "x", count: 200)
        #expect(!pattern.matches((deep + ["a", "b", "c"]).joined(separator: "/")))
        #expect(!pattern.matches((["a", "b", "c"] + deep).joined(separator: "/")))
        #expect(!pattern.matches(Array(repeating: "a/b/c", count: 67).joined(separator: "/")))
        #expect(pattern.matches((deep + ["a"] + deep + ["b", "c"] + deep + ["d"]).joined(separator: "/")))
        #expect(pattern.matches((["a", "b", "c", "d"] + deep + ["d"]).joined(separator: "/")))
    }

    /// Every small pattern and path agrees with the straightforward recursive definition of `**`.
    @Test func agreesWithTheRecursiveDefinition() {
        let tokens = ["**", "a", "*", "b?", "?"]
        let names = ["a", "b", "ba", "bb"]
        // Two or more segments, so every pattern is anchored.
        for pattern in Self.sequences(of: tokens, upTo: 4) where pattern.count >= 2 {
            let glob = GlobPattern(pattern.joined(separator: "/"))
            for path in Self.sequences(of: names, upTo: 4) {
                let expected = Self.reference(pattern[...], path[...])
                #expect(glob.matches(path.joined(separator: "/")) == expected, "\(pattern) vs \(path)")
            }
        }
    }

    /// Every sequence of `elements` of length 0 through `count`.
    private static func sequences(of elements: [String], upTo count: Int) -> [[String]] {
        var all: [[String]] = [[]]
        var last: [[String]] = [[]]
        for _ in 0..<count {
            last = last.flatMap { prefix in elements.map { prefix + [$0] } }
            all += last
        }
        return all
    }

    /// `**` is any run of segments; any other segment matches exactly one (`*` any text, `?` one character).
    private static func reference(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            return (0...path.count).contains { reference(pattern.dropFirst(), path.dropFirst($0)) }
        }
        guard let first = path.first, segment(Substring(head), Substring(first)) else { return false }
        return reference(pattern.dropFirst(), path.dropFirst())
    }

    private static func segment(_ pattern: Substring, _ text: Substring) -> Bool {
        guard let head = pattern.first else { return text.isEmpty }
        if head == "*" { return (0...text.count).contains { segment(pattern.dropFirst(), text.dropFirst($0)) } }
        guard let first = text.first, head == "?" || head == first else { return false }
        return segment(pattern.dropFirst(), text.dropFirst())
    }
}

struct PathFilterTests {
    @Test func builtInExclusionsSkipLockfilesVendoredAndBinaries() {
        let filter = PathFilter(include: [], exclude: [])
        #expect(filter.exclusionReason(for: "package-lock.json") == .builtInExclusion("package-lock.json"))
        #expect(filter.exclusionReason(for: "web/vendor/jquery.js") != nil)
        #expect(filter.exclusionReason(for: "assets/logo.png") == .builtInExclusion("*.png"))
        #expect(filter.exclusionReason(for: "dist/app.min.js") != nil)
        #expect(filter.exclusionReason(for: "Sources/App/main.swift") == nil)
    }

    @Test func userExcludesAddToTheBuiltInList() {
        let filter = PathFilter(include: [], exclude: ["docs/**"])
        #expect(filter.exclusionReason(for: "docs/a.md") == .excluded("docs/**"))
        #expect(filter.exclusionReason(for: "yarn.lock") == .builtInExclusion("yarn.lock"))
    }

    @Test func includeRestrictsAndCanNameABuiltInExclusionExplicitly() {
        let filter = PathFilter(include: ["src/**", "go.sum"], exclude: ["src/generated/**"])
        #expect(filter.exclusionReason(for: "README.md") == .notIncluded)
        #expect(filter.exclusionReason(for: "src/a.go") == nil)
        #expect(filter.exclusionReason(for: "go.sum") == nil)
        #expect(filter.exclusionReason(for: "src/generated/x.go") == .excluded("src/generated/**"))
    }
}
