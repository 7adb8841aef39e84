/// Appends Markdown to `GITHUB_STEP_SUMMARY`.
package struct StepSummaryWriter: Sendable {
    package var path: String

    /// Writes to `path`.
    package init(path: String) {
        self.path = path
    }

    /// Appends `markdown` and a newline.
    package func write(_ markdown: String) throws {
        try FileAppender.append(markdown.hasSuffix("\n") ? markdown : markdown + "\n", to: path)
    }
}
