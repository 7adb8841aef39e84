/// Splits inline comments into reviews GitHub handles reliably: at most 30 comments per review request.
package enum ReviewChunker {
    /// Comments per review request (reviewdog's limit; larger reviews have been seen failing or timing out).
    package static let commentsPerReview = 30
    /// Longest inline comment body kept, under GitHub's 65,536-character limit.
    package static let commentCharacterLimit = 60_000

    /// The reviews to post: the first carries `body`, later ones say which part they are.
    package static func drafts(commitID: String, body: Markdown, comments: [InlineComment]) -> [ReviewDraft] {
        let marked = comments.map { comment -> InlineComment in
            var comment = comment
            if comment.body.count > commentCharacterLimit {
                comment.body =
                    comment.body.prefix(lines: commentCharacterLimit) + "\n\n_…cut to fit GitHub's size limit._"
            }
            if !comment.fingerprint.isEmpty { comment.body += "\n\n" + Markers.fingerprint(comment.fingerprint) }
            return comment
        }
        let chunks = stride(from: 0, to: max(marked.count, 1), by: commentsPerReview).map {
            Array(marked[$0..<min(marked.count, $0 + commentsPerReview)])
        }
        return chunks.enumerated().map { index, chunk in
            let text: Markdown =
                index == 0
                ? body
                : "🤖 ChatGPT Probot review, continued (part \(index + 1) of \(chunks.count)).\n\n\(Markers.trusted(ReviewBodyRenderer.marker))\n"
            return ReviewDraft(commitID: commitID, body: text, comments: chunk)
        }
    }
}
