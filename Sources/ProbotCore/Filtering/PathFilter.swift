/// Decides which paths are reviewed from `include`, `exclude` and the built-in exclusions.
///
/// A path is reviewed when it matches an `include` pattern (or none are given), matches no `exclude` pattern,
/// and matches no built-in exclusion unless an `include` pattern names it explicitly.
package struct PathFilter: Sendable {
    private let include: [GlobPattern]
    private let exclude: [GlobPattern]
    private let builtIn: [GlobPattern]
    /// The base's `.gitattributes`; `nil` when absent or when generated code is reviewed.
    package var attributes: GitAttributes?

    /// Compiles the patterns.
    package init(include: [String], exclude: [String], builtIn: [String] = BuiltInExclusions.patterns) {
        self.include = include.map(GlobPattern.init)
        self.exclude = exclude.map(GlobPattern.init)
        self.builtIn = builtIn.map(GlobPattern.init)
    }

    /// `nil` when `path` is reviewed, otherwise the reason it is not.
    package func exclusionReason(for path: String) -> SkipReason? {
        let included = include.first { $0.matches(path) }
        if !include.isEmpty && included == nil { return .notIncluded }
        if let pattern = exclude.first(where: { $0.matches(path) }) { return .excluded(pattern.text) }
        if included == nil, let pattern = builtIn.first(where: { $0.matches(path) }) {
            return .builtInExclusion(pattern.text)
        }
        if included == nil, let attributes, let attribute = attributes.skippingAttribute(for: path) {
            return .gitAttribute(attribute)
        }
        return nil
    }

    /// Whether an `include` pattern names `path`, which brings back generated and vendored files.
    package func isIncludedExplicitly(_ path: String) -> Bool {
        include.contains { $0.matches(path) }
    }
}
