/// Reads what ``RelatedFinder`` chose from the checkout: each declaration's lines with their signature
/// continuation, and the call sites of declarations the pull request changes, in files it does not touch.
package struct RelatedCollector: Sendable {
    package var codebase: any Codebase
    /// Lines shown after a declaration's first line, at most.
    package var continuation = 4
    /// Call sites shown per changed declaration, at most.
    package var callSitesPerName = 3

    /// Memberwise initialiser.
    package init(codebase: any Codebase) {
        self.codebase = codebase
    }

    /// One changed file: its path, hunks, and the context windows its request shows.
    package struct File: Sendable {
        package var path: String
        package var hunks: [Hunk]
        package var windows: [Int: ContextWindow]

        /// Memberwise initialiser.
        package init(path: String, hunks: [Hunk], windows: [Int: ContextWindow]) {
            self.path = path
            self.hunks = hunks
            self.windows = windows
        }
    }

    /// The snippets of each file in `files` (absent when it has none); `touched` is every path the pull request
    /// changes.
    package func snippets(for files: [File], touched: Set<String>) async -> [String: [RelatedSnippet]] {
        let finder = RelatedFinder(
            index: codebase.index, touched: touched,
            addedLines: RelatedFinder.addedLines(
                of: Dictionary(files.map { ($0.path, $0.hunks) }) { first, _ in first }))
        let needs = files.map { finder.needs(path: $0.path, hunks: $0.hunks, windows: $0.windows) }
        let paths = Set(needs.flatMap { $0.declarations.map(\.declaration.path) })
        let names = Set(needs.flatMap { $0.changed.map(\.declaration.name) })
        async let sourcesRead = paths.isEmpty ? [:] : codebase.lines(of: paths)
        async let sitesRead =
            names.isEmpty ? [:] : codebase.occurrences(of: names, excluding: touched, perName: callSitesPerName)
        let sources = await sourcesRead
        let sites = await sitesRead
        var result: [String: [RelatedSnippet]] = [:]
        for (file, need) in zip(files, needs) where !need.isEmpty {
            var snippets = need.declarations.compactMap { need in
                sources[need.declaration.path].flatMap {
                    RelatedSnippet.declaration(
                        need.declaration, source: $0, continuation: continuation, usedBy: need.usedBy)
                }
            }
            for changed in need.changed {
                snippets += (sites[changed.declaration.name] ?? []).map {
                    RelatedSnippet(
                        name: changed.declaration.name, path: $0.path, kind: "call site", role: .callSite,
                        lines: [$0.line], usedBy: changed.usedBy)
                }
            }
            if !snippets.isEmpty { result[file.path] = snippets }
        }
        return result
    }
}
