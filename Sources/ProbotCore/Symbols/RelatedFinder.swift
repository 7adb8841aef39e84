/// Chooses what a changed file should be shown from elsewhere in the repository (pure): the declarations of the
/// names its added lines use that are declared exactly once, in another file or outside what the file's request
/// already shows; and, for declarations the pull request changes in this file, the names whose call sites in
/// untouched files are worth showing.
package struct RelatedFinder: Sendable {
    package var index: SymbolIndex
    /// Every path the pull request changes.
    package var touched: Set<String>
    /// The new-file numbers of each changed file's added lines.
    package var addedLines: [String: Set<Int>]
    /// Most declarations shown for one file.
    package var declarationsPerFile = 40
    /// Most changed declarations of one file whose call sites are shown.
    package var changedDeclarationsPerFile = 3

    /// Memberwise initialiser.
    package init(index: SymbolIndex, touched: Set<String>, addedLines: [String: Set<Int>]) {
        self.index = index
        self.touched = touched
        self.addedLines = addedLines
        var byPath: [String: [SymbolDeclaration]] = [:]
        for declaration in index.declarations where addedLines[declaration.path] != nil {
            byPath[declaration.path, default: []].append(declaration)
        }
        changedFiles = byPath
    }

    /// The index's declarations in the changed files, by path.
    private var changedFiles: [String: [SymbolDeclaration]]

    /// A declaration to show and the hunks using it.
    package struct Need: Sendable, Equatable {
        package var declaration: SymbolDeclaration
        /// `newStart` of the hunks whose added lines use it.
        package var usedBy: [Int]
    }

    /// What one file needs.
    package struct Needs: Sendable, Equatable {
        /// Declarations of names the added lines use, most used first.
        package var declarations: [Need] = []
        /// Declarations in this file that the pull request changes, for their call sites in untouched files.
        package var changed: [Need] = []

        /// Whether the file needs nothing.
        package var isEmpty: Bool { declarations.isEmpty && changed.isEmpty }
    }

    /// What `hunks` of the file at `path` need, given the `windows` its request shows around them.
    package func needs(path: String, hunks: [Hunk], windows: [Int: ContextWindow]) -> Needs {
        var shown = Set(hunks.flatMap { $0.lines.compactMap(\.newLine) })
        for window in windows.values { shown.formUnion((window.above + window.below).map(\.number)) }
        var uses: [SymbolDeclaration: (count: Int, first: Int, hunks: [Int])] = [:]
        var order = 0
        for hunk in hunks {
            for line in hunk.lines where line.kind == .added {
                for name in IdentifierScanner.identifiers(in: line.content) {
                    guard let declaration = index.unique(name),
                        declaration.path != path || !shown.contains(declaration.line)
                    else { continue }
                    var use = uses[declaration] ?? (0, order, [])
                    use.count += 1
                    if use.hunks.last != hunk.newStart { use.hunks.append(hunk.newStart) }
                    uses[declaration] = use
                    order += 1
                }
            }
        }
        var needs = Needs()
        needs.declarations = uses.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
            .prefix(declarationsPerFile).map { Need(declaration: $0.key, usedBy: $0.value.hunks) }
        needs.changed = changedDeclarations(path: path, hunks: hunks)
        return needs
    }

    /// Declarations of `path` on its added lines, declared nowhere else, with a name worth searching for.
    private func changedDeclarations(path: String, hunks: [Hunk]) -> [Need] {
        guard let added = addedLines[path], !added.isEmpty else { return [] }
        var found: [Need] = []
        for declaration in changedFiles[path] ?? [] where added.contains(declaration.line) {
            guard found.count < changedDeclarationsPerFile, index.unique(declaration.name) != nil,
                declaration.name.count >= IdentifierScanner.minimumLength,
                !IdentifierScanner.common.contains(declaration.name)
            else { continue }
            let hunk = hunks.last { $0.newStart <= declaration.line }?.newStart ?? hunks.first?.newStart ?? 0
            found.append(Need(declaration: declaration, usedBy: [hunk]))
        }
        return found
    }

    /// The new-file numbers of the added lines of each of `files`' patches.
    package static func addedLines(of files: [String: [Hunk]]) -> [String: Set<Int>] {
        files.mapValues { hunks in Set(hunks.flatMap { $0.lines.filter { $0.kind == .added }.compactMap(\.newLine) }) }
    }
}
