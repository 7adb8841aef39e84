/// The context stage: the text of each modified file at the head commit, for the code around its hunks.
extension ReviewPipeline {
    /// What the context stage read.
    struct Context {
        /// The new files' lines by path.
        var sources: [String: [String]] = [:]
        var gaps: [ContextGap] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Files whose hunks get context: modified or renamed, with a patch, not filtered out.
    static func wantsContext(_ file: ChangedFile, filter: PathFilter) -> Bool {
        ["modified", "renamed", "changed"].contains(file.status) && file.patch?.isEmpty == false
            && filter.exclusionReason(for: file.filename) == nil
    }

    /// Reads the files; a failed read never fails the review (the hunks go as they are, with a warning).
    func readContext(_ files: [ChangedFile], head: String, settings: ReviewSettings) async -> Context {
        var context = Context()
        guard settings.contextLines > 0, let contents else { return context }
        let filter = settings.filter
        let wanted = files.filter { Self.wantsContext($0, filter: filter) }
        guard !wanted.isEmpty else { return context }
        let read = await contents.texts(of: wanted, at: head)
        context.diagnostics = read.diagnostics
        for file in wanted {
            switch read.texts[file.filename] {
            case .text(let text):
                context.sources[file.filename] = FileText.lines(of: text)
            case .unavailable(let reason):
                context.gaps.append(ContextGap(path: file.filename, reason: reason))
            case nil:
                context.gaps.append(ContextGap(path: file.filename, reason: "not read"))
            }
        }
        return context
    }
}
