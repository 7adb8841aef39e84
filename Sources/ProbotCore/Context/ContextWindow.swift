/// Lines of the new file shown around one hunk so the model sees the code the change sits in.
/// They are for understanding only: a finding on one of them is not on the diff.
package struct ContextWindow: Sendable, Equatable, Codable {
    /// Lines above the hunk, from the line that opens its enclosing scope.
    package var above: [NumberedLine] = []
    /// A few lines below the hunk.
    package var below: [NumberedLine] = []
    /// The line opening the hunk's enclosing scope, kept even when an earlier hunk's window shows it (and so
    /// `above` leaves it out): a part of a split file without that earlier hunk shows it again.
    package var scope: NumberedLine?

    /// Memberwise initialiser.
    package init(above: [NumberedLine] = [], below: [NumberedLine] = [], scope: NumberedLine? = nil) {
        self.above = above
        self.below = below
        self.scope = scope
    }

    /// Whether the window adds nothing.
    package var isEmpty: Bool { above.isEmpty && below.isEmpty }
}

/// A line of the new file with its 1-based number.
package struct NumberedLine: Sendable, Hashable, Codable {
    package var number: Int
    package var text: String

    /// Memberwise initialiser.
    package init(_ number: Int, _ text: String) {
        self.number = number
        self.text = text
    }
}
