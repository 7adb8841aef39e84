/// A slash command typed in a comment.
package enum CommentCommand: Sendable, Equatable {
    /// `/chatgpt <question>`: answer in a reply.
    case chat(question: String)
    /// `/review`: review the pull request (or, in a review thread, the hunk).
    case review
    /// `/refactor`: suggest a refactoring of the hunk of a review thread.
    case refactor

    /// The first command in `body`: a line starting with `/chatgpt`, `/review` or `/refactor`, case-insensitive.
    package static func parse(_ body: String) -> CommentCommand? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace()
        }
        for (index, line) in lines.enumerated() {
            let lower = line.lowercased()
            if lower == "/chatgpt" || lower.hasPrefix("/chatgpt ") {
                let rest = ([String(line.dropFirst("/chatgpt".count))] + lines[(index + 1)...])
                    .joined(separator: "\n").trimmingWhitespace()
                return rest.isEmpty ? nil : .chat(question: rest)
            }
            if lower == "/review" || lower.hasPrefix("/review ") { return .review }
            if lower == "/refactor" || lower.hasPrefix("/refactor ") { return .refactor }
        }
        return nil
    }
}
