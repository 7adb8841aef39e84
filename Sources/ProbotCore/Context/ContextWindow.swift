/// Lines of the new file shown around one hunk so the model sees the code the change sits in.
/// They are for understanding only: a finding on one of them is not on the diff.
package struct ContextWindow: Sendable, Equatable, Codable {
    /// Lines above the hunk, from the line that opens its enclosing scope.
    package var above: [NumberedLine] = []
    /// A few lines below the hunk.
    package var below: [NumberedLine] = []

    /// Memberwise initialiser.
    package init(above: [NumberedLine] = [], below: [NumberedLine] = []) {
        self.above = above
        self.below = below
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
