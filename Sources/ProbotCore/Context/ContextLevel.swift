/// How much of a file's context windows a section shows: the rungs a file steps down when it does not fit a
/// request, before any diff line is dropped.
package enum ContextLevel: Sendable, Equatable, Codable, CaseIterable {
    /// Every window line above and below each hunk.
    case full
    /// Only the first line above each hunk, its scope's opening line; nothing below.
    case openers
    /// The hunks alone.
    case none

    /// `window` cut to this level (`nil` for none or an empty result). `shown` holds the new-file lines the
    /// section has shown before this hunk: the scope's opening line, which the window leaves out when an earlier
    /// hunk's window showed it, comes back when that hunk is not in the section (another part of a split file).
    package func apply(_ window: ContextWindow?, shown: Set<Int>? = nil) -> ContextWindow? {
        guard var window else { return nil }
        if let scope = window.scope, let shown, !shown.contains(scope.number),
            window.above.first.map({ $0.number > scope.number }) ?? true
        {
            window.above.insert(scope, at: 0)
        }
        switch self {
        case .full:
            return window.isEmpty ? nil : window
        case .openers:
            return window.above.isEmpty ? nil : ContextWindow(above: Array(window.above.prefix(1)), scope: window.scope)
        case .none:
            return nil
        }
    }
}
