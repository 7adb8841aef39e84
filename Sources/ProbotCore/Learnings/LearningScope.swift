/// Checks the path scope a model proposes for a learning; anything absurd falls back to the finding's own path.
package enum LearningScope {
    /// Longest scope accepted, in characters.
    package static let lengthLimit = 200

    /// Why a proposed scope was not used.
    package enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// None was proposed.
        case missing
        /// Longer than ``LearningScope/lengthLimit``.
        case tooLong
        /// A character outside letters, digits, `.`, `_`, `-`, `/`, `*`, `?` (spaces, brackets, braces, `!`, …).
        case invalidCharacter(Character)
        /// A `..` segment or an absolute path.
        case leavesTheRepository
        /// No literal letter or digit: it would match (nearly) every file.
        case tooBroad
        /// It does not even match the file the finding was on.
        case missesTheFinding

        package var description: String {
            switch self {
            case .missing: "no scope was proposed"
            case .tooLong: "the scope is longer than \(LearningScope.lengthLimit) characters"
            case .invalidCharacter(let character): "the scope holds `\(character)`, which globs here do not use"
            case .leavesTheRepository: "the scope leaves the repository"
            case .tooBroad: "the scope would match nearly every file"
            case .missesTheFinding: "the scope does not match the finding's own file"
            }
        }
    }

    /// The scope to store: `proposed` when it is a sound glob matching `findingPath`, else `findingPath` itself.
    /// - Returns: the scope, and why the proposal was rejected when it was.
    package static func validated(_ proposed: String?, findingPath: String) -> (scope: String, rejected: Rejection?) {
        switch check(proposed, findingPath: findingPath) {
        case .success(let scope): (scope, nil)
        case .failure(let rejection): (findingPath, rejection)
        }
    }

    /// `proposed`, normalised, or why it is not acceptable.
    /// - Parameter findingPath: the finding's file, which the scope must match; `nil` skips that check (a scope
    ///   read back from the learnings issue, where a maintainer may have widened it on purpose).
    package static func check(_ proposed: String?, findingPath: String?) -> Result<String, Rejection> {
        var scope = (proposed ?? "").trimmingWhitespace()
        if scope.hasPrefix("./") { scope.removeFirst(2) }
        guard !scope.isEmpty else { return .failure(.missing) }
        guard scope.count <= lengthLimit else { return .failure(.tooLong) }
        if let bad = scope.first(where: { !allowed($0) }) { return .failure(.invalidCharacter(bad)) }
        let segments = scope.split(separator: "/", omittingEmptySubsequences: false)
        guard !scope.hasPrefix("/"), !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            return .failure(.leavesTheRepository)
        }
        let literal = scope.contains { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard literal else { return .failure(.tooBroad) }
        if let findingPath, !GlobPattern(scope).matches(findingPath) { return .failure(.missesTheFinding) }
        return .success(scope)
    }

    private static func allowed(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._-/*?".contains(character))
    }
}
