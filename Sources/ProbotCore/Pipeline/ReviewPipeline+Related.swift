/// The related-code stage: the symbol index of the checkout, and from it the declarations and call sites each
/// changed file is shown with (``RelatedCollector``).
extension ReviewPipeline {
    /// What the related-code stage found.
    package struct Related: Sendable {
        /// Snippets by changed file's path.
        package var snippets: [String: [RelatedSnippet]] = [:]
        /// How the index went; `nil` without a provider.
        package var status: SymbolIndexStatus?
        /// The index, for checking names later; `nil` when none was built.
        package var index: SymbolIndex?
    }

    /// Builds the index when the workspace holds `head` and collects each selected file's related code. Never
    /// fails: no index is a note in the job summary.
    func readRelated(
        _ files: [ChangedFile], head: String, settings: ReviewSettings, sources: [String: [String]]
    ) async -> Related {
        guard let symbols else { return Related() }
        var related = Related()
        let codebase: any Codebase
        switch await symbols.codebase(head: head) {
        case .skipped(let status):
            related.status = status
            return related
        case .built(let built, let status):
            related.status = status
            related.index = built.index
            codebase = built
        }
        let builder = ContextBuilder(maxAbove: settings.contextLines)
        let parsed: [RelatedCollector.File] = files.compactMap { file in
            guard file.status != "removed", settings.filter.exclusionReason(for: file.filename) == nil,
                let patch = file.patch, let hunks = try? PatchParser.parse(patch)
            else { return nil }
            let windows = sources[file.filename].map { builder.windows(for: hunks, source: $0) } ?? [:]
            return RelatedCollector.File(path: file.filename, hunks: hunks, windows: windows)
        }
        related.snippets = await RelatedCollector(codebase: codebase)
            .snippets(for: parsed, touched: Set(files.map(\.filename)))
        return related
    }
}

extension ReviewPipeline {
    /// This pipeline with `symbols` as its symbol-index provider.
    package func withSymbols(_ symbols: (any SymbolIndexProvider)?) -> ReviewPipeline {
        var pipeline = self
        pipeline.symbols = symbols
        return pipeline
    }
}
