/// The code around the hunk a review-thread comment sits on.
package enum CommentedHunk {
    /// The lines from the commented hunk's enclosing scope down to the hunk, read at the head commit; empty when
    /// context is off, the file cannot be read, or the hunk needs nothing above it.
    package static func scope(
        of context: CommentContext, contents: (any FileContentSource)?, contextLines: Int
    ) async -> [NumberedLine] {
        guard contextLines > 0, let contents, let path = context.path, let head = context.headSHA,
            let hunk = try? PatchParser.parse(context.diffHunk ?? "").first
        else { return [] }
        let file = ChangedFile(filename: path, status: "modified", patch: context.diffHunk)
        guard case .text(let text)? = await contents.texts(of: [file], at: head).texts[path] else { return [] }
        let lines = FileText.lines(of: text)
        return ContextBuilder(maxAbove: contextLines, below: 0).windows(for: [hunk], source: lines)[hunk.newStart]?
            .above ?? []
    }
}
