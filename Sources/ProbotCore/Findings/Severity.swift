/// How much a finding matters, from `critical` down to `nit`.
package enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case critical
    case major
    case minor
    case nit

    /// Higher is more severe.
    package var rank: Int {
        switch self {
        case .critical: 3
        case .major: 2
        case .minor: 1
        case .nit: 0
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// An emoji badge for Markdown.
    package var badge: String {
        switch self {
        case .critical: "🔴"
        case .major: "🟠"
        case .minor: "🟡"
        case .nit: "⚪"
        }
    }
}

/// The `fail-on` input: fail the step when a posted finding is at least this severe.
package enum FailLevel: String, Sendable, CaseIterable, Equatable {
    case none
    case critical
    case major
    case minor
    case nit

    /// The threshold, or `nil` for `none`.
    package var threshold: Severity? { Severity(rawValue: rawValue) }
}
