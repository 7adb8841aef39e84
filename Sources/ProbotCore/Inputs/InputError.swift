/// Every problem found in the workflow inputs, reported together so a user fixes them in one go.
package struct InputError: Error, Equatable, CustomStringConvertible {
    /// One line per invalid input, each naming the input.
    package var problems: [String]

    /// Collects the given problems.
    package init(problems: [String]) {
        self.problems = problems
    }

    package var description: String {
        if problems.count == 1 { return "Invalid input: \(problems[0])" }
        return "\(problems.count) invalid inputs:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
