/// A line of a file, with the file: where a call site is.
package struct SourceLine: Sendable, Equatable {
    package var path: String
    package var line: NumberedLine

    /// Memberwise initialiser.
    package init(path: String, line: NumberedLine) {
        self.path = path
        self.line = line
    }
}

/// A repository's checkout with its symbol index: what the related-declarations stage reads. Reads never throw:
/// a file that cannot be read is simply absent from the answer.
package protocol Codebase: Sendable {
    /// The declarations of the checkout.
    var index: SymbolIndex { get }
    /// The lines of each of `paths` that could be read (paths as the index names them).
    func lines(of paths: Set<String>) async -> [String: [String]]
    /// Up to `perName` lines using each of `names` as a word, in indexed files outside `excluded`.
    func occurrences(of names: Set<String>, excluding excluded: Set<String>, perName: Int) async -> [String:
        [SourceLine]]
}

/// Builds the symbol index of the workspace once per run, when the workspace holds the pull request.
package protocol SymbolIndexProvider: Sendable {
    /// The checkout's codebase when the workspace holds `head` (or GitHub's merge commit of it), else why not.
    func codebase(head: String) async -> CodebaseLookup
}

/// What building the symbol index gave.
package enum CodebaseLookup: Sendable {
    case built(any Codebase, SymbolIndexStatus)
    case skipped(SymbolIndexStatus)
}

/// How the symbol index went, for the job summary.
package struct SymbolIndexStatus: Sendable, Equatable {
    /// Why there is no index, or a limit it hit.
    package enum Note: Sendable, Equatable {
        /// `symbol-index: false`.
        case disabled
        /// The workspace does not hold the pull request's head or merge commit.
        case noCheckout
        /// No `ctags` executable on the path.
        case noCtags
        /// ctags ran longer than the limit and was stopped (the index is empty).
        case timedOut(seconds: Int)
        /// ctags failed (exit status or unreadable output).
        case failed(status: Int32)
        /// More files than the limit: the rest were not indexed.
        case fileLimit(indexed: Int, limit: Int)
    }

    /// Declarations indexed.
    package var declarations = 0
    /// Files indexed.
    package var files = 0
    /// Seconds ctags took.
    package var seconds = 0.0
    /// Tag lines rejected as unreadable or unsafe.
    package var rejected = 0
    package var notes: [Note] = []

    /// Memberwise initialiser.
    package init(declarations: Int = 0, files: Int = 0, seconds: Double = 0, rejected: Int = 0, notes: [Note] = []) {
        self.declarations = declarations
        self.files = files
        self.seconds = seconds
        self.rejected = rejected
        self.notes = notes
    }
}
