/// The process environment as a value, so nothing below the executable reads globals.
///
/// GitHub passes every declared `with:` input as `INPUT_<NAME>` with spaces turned into `_`,
/// the name upper-cased and hyphens kept (`openai-api-key` → `INPUT_OPENAI-API-KEY`).
package struct ActionEnvironment: Sendable, Equatable {
    /// The raw variables.
    package var variables: [String: String]

    /// Wraps a copy of the environment.
    package init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The variable's value, or `nil` when it is absent or only white space.
    package subscript(_ name: String) -> String? {
        guard let value = variables[name]?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    /// The environment variable name that carries the input `name`.
    package static func variableName(forInput name: String) -> String {
        "INPUT_" + name.replacing(" ", with: "_").uppercased()
    }

    /// The input's trimmed value; `nil` when unset or empty (the runner passes `""` for inputs without a default).
    package func input(_ name: String) -> String? {
        self[Self.variableName(forInput: name)]
    }

    /// Whether the process runs inside GitHub Actions.
    package var isGitHubActions: Bool { self["GITHUB_ACTIONS"] == "true" }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    package func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
