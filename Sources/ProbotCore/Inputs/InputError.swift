/// One invalid or missing input: which input, when one input is at fault, and what is wrong with it.
package struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    /// The input's name as written in the workflow (`price-input-per-million`); `nil` for a rule across inputs.
    package var input: String?
    /// The problem in words, naming the input.
    package var message: String

    /// A problem with `input` (or across inputs when `nil`).
    package init(input: String?, _ message: String) {
        self.input = input
        self.message = message
    }

    package var description: String { message }
}

/// Every problem found in the workflow inputs, reported together so a user fixes them in one go.
package struct InputError: Error, Equatable, CustomStringConvertible {
    /// One entry per invalid input, each naming the input.
    package var problems: [InputProblem]

    /// Collects the given problems.
    package init(problems: [InputProblem]) {
        self.problems = problems
    }

    /// The inputs at fault, in the order they were read.
    package var inputs: [String] { problems.compactMap(\.input) }

    package var description: String {
        if problems.count == 1 { return "Invalid input: \(problems[0])" }
        return "\(problems.count) invalid inputs:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
