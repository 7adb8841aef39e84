/// How much of a file's context windows a section shows: the rungs a file steps down when it does not fit a
/// request, before any diff line is dropped.
package enum ContextLevel: Sendable, Equatable, Codable, CaseIterable {
    /// Every window line above and below each hunk.
    case full
    /// Only the first line above each hunk, its scope's opening line; nothing below.
    case openers
    /// The hunks alone.
    case none

    /// `window` cut to this level (`nil` for none or an empty result).
    package func apply(_ window: ContextWindow?) -> ContextWindow? {
        guard let window else { return nil }
        switch self {
        case .full: return window.isEmpty ? nil : window
        case .openers: return window.above.isEmpty ? nil : ContextWindow(above: Array(window.above.prefix(1)))
        case .none: return nil
        }
    }
}
