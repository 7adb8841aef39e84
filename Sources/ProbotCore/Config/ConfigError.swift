/// One problem in the configuration file, with where it is.
package struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line and column in the file.
    package var line: Int
    package var column: Int
    package var message: String
    /// The key whose value is at fault (`examples_file`), when the problem is about one key's value.
    package var key: String?
    /// Why a file the configuration names is not read, when that is the problem.
    package var pathError: WorkspacePathError?

    /// Memberwise initialiser.
    package init(line: Int, column: Int, _ message: String, key: String? = nil, pathError: WorkspacePathError? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.key = key
        self.pathError = pathError
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
