/// One problem in the configuration file, with where it is.
package struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line and column in the file.
    package var line: Int
    package var column: Int
    package var message: String

    /// Memberwise initialiser.
    package init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String { "line \(line), column \(column): \(message)" }
}

/// Every problem found in the configuration file, reported together before any model call.
package struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path in the repository.
    package var path: String
    package var problems: [ConfigProblem]

    /// Memberwise initialiser.
    package init(path: String, problems: [ConfigProblem]) {
        self.path = path
        self.problems = problems
    }

    package var description: String {
        if problems.count == 1 { return "\(path): \(problems[0])" }
        return "\(problems.count) problems in \(path):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
