/// A file whose surrounding code or related declarations were cut to fit a request, and how.
package struct ContextCut: Sendable, Equatable, Hashable {
    /// What was cut.
    package enum Reason: Sendable, Equatable, Hashable {
        /// The file (or part) did not fit with its related declarations: they were left out.
        case relatedLeftOut(count: Int)
        /// Its request was full: this many of its related declarations were left out of it.
        case relatedTrimmed(count: Int)
        /// Only the opening lines of its hunks' scopes were kept.
        case openersOnly
        /// Not even the scopes' opening lines fitted: the hunks went alone.
        case contextLeftOut

        /// The reason as the job summary writes it.
        package var description: String {
            switch self {
            case .relatedLeftOut(let count):
                "\(count) related declaration(s) left out: the file did not fit a request with them"
            case .relatedTrimmed(let count): "\(count) related declaration(s) left out: the request was full"
            case .openersOnly: "surrounding code cut to the scopes' opening lines to fit a request"
            case .contextLeftOut:
                "surrounding code left out: the file did not fit a request even with its scopes' opening lines"
            }
        }
    }

    package var path: String
    /// The part of a split file, when it was split.
    package var part: BatchItem.Part?
    package var reason: Reason

    /// Memberwise initialiser.
    package init(path: String, part: BatchItem.Part? = nil, reason: Reason) {
        self.path = path
        self.part = part
        self.reason = reason
    }
}
