/// One line of a hunk, knowing both of its numbers.
package struct DiffLine: Sendable, Equatable, Codable {
    /// Whether the line was added, deleted or is context.
    package enum Kind: String, Sendable, Codable {
        case context
        case added
        case deleted
    }

    package var kind: Kind
    /// The text without the leading `+`, `-` or space, and without a trailing `\r`.
    package var content: String
    /// Line number in the old file; `nil` for added lines.
    package var oldLine: Int?
    /// Line number in the new file; `nil` for deleted lines.
    package var newLine: Int?

    /// Memberwise initialiser.
    package init(kind: Kind, content: String, oldLine: Int?, newLine: Int?) {
        self.kind = kind
        self.content = content
        self.oldLine = oldLine
        self.newLine = newLine
    }
}

/// The side of a diff a review comment refers to, as GitHub names it.
package enum DiffSide: String, Sendable, Codable, CaseIterable {
    /// The old file: deleted and context lines.
    case left = "LEFT"
    /// The new file: added and context lines.
    case right = "RIGHT"
}
