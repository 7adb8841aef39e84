/// A finding posted as an inline review comment.
package struct InlineComment: Sendable, Equatable {
    package var finding: Finding
    package var path: String
    package var line: Int
    package var side: DiffSide
    /// First line of a multi-line comment (same hunk, before `line`), else `nil`.
    package var startLine: Int?
    /// Markdown body, suggestion block included.
    package var body: Markdown
    /// Identity across runs (see ``Fingerprint``); empty until deduplication assigns it.
    package var fingerprint: String = ""

    /// Memberwise initialiser.
    package init(finding: Finding, path: String, line: Int, side: DiffSide, startLine: Int?, body: Markdown) {
        self.finding = finding
        self.path = path
        self.line = line
        self.side = side
        self.startLine = startLine
        self.body = body
    }
}

/// A finding listed in the review body instead of inline, and why.
package struct BodyFinding: Sendable, Equatable {
    package var finding: Finding
    package var reason: BodyReason
    /// Identity across runs; empty until deduplication assigns it.
    package var fingerprint: String = ""

    /// Memberwise initialiser.
    package init(finding: Finding, reason: BodyReason) {
        self.finding = finding
        self.reason = reason
    }
}

/// Why a finding is in the review body.
package enum BodyReason: String, Sendable, Equatable {
    /// The path is not a file of this pull request.
    case fileNotInDiff = "file not in this pull request"
    /// The line (or range) is outside the diff's hunks on that side.
    case lineNotInDiff = "line not in the diff"
    /// More findings than `max-comments`.
    case overCommentLimit = "over the inline comment limit"
    /// GitHub rejected the inline review, so everything moved to the body.
    case rejectedInline = "GitHub rejected the inline comments"
}

/// Where every finding of a run went. Counts always add up: nothing disappears without a number.
package struct PlacementResult: Sendable, Equatable {
    package var inline: [InlineComment] = []
    package var body: [BodyFinding] = []
    /// Findings below `min-severity`.
    package var belowMinSeverity: [Finding] = []
    /// Exact repeats of another finding (same place, same text).
    package var duplicates: Int = 0
    /// Findings an earlier run already posted (matched by fingerprint, occurrences counted).
    package var alreadyPosted: [Finding] = []
    /// The fingerprint each of ``alreadyPosted`` matched, in the same order.
    package var alreadyPostedFingerprints: [String] = []
    /// Findings that cite code found nowhere (``ClaimCheck``): not posted, listed in the job summary.
    package var unverified: [UnverifiedFinding] = []

    /// An empty result.
    package init() {}

    /// Every finding that is posted, inline or in the body.
    package var posted: [Finding] { inline.map(\.finding) + body.map(\.finding) }
}
