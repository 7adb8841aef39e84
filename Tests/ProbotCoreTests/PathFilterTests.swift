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
