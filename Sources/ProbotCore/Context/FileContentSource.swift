/// The text of a changed file at the head commit, or why there is none.
package enum FileText: Sendable, Equatable {
    case text(String)
    /// Binary, too large, missing, or the read failed.
    case unavailable(String)

    /// The lines of `text` as the diff numbers them: split at LF or CRLF (one `Character` in Swift, so a plain
    /// split at `"\n"` would leave a CRLF file as one line).
    package static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }
}

/// What a content read returned.
package struct ContentRead: Sendable, Equatable {
    /// By path; a file absent here could not be read.
    package var texts: [String: FileText] = [:]
    /// Reads that failed as a whole (a warning each; the hunks go without context).
    package var diagnostics: [Diagnostic] = []

    /// Memberwise initialiser.
    package init(texts: [String: FileText] = [:], diagnostics: [Diagnostic] = []) {
        self.texts = texts
        self.diagnostics = diagnostics
    }
}

/// Reads changed files at the head commit for the context around hunks: the workspace when it holds that commit,
/// else GitHub's GraphQL API (many files per query), else REST blobs.
package protocol FileContentSource: Sendable {
    /// The texts of `files` at `commit`. Never throws: a failed read is an `unavailable` entry or a diagnostic.
    func texts(of files: [ChangedFile], at commit: String) async -> ContentRead
}

/// A file that got no surrounding code, and why.
package struct ContextGap: Sendable, Equatable {
    package var path: String
    package var reason: String

    /// Memberwise initialiser.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
