/// Why the workflow event cannot be used.
package enum EventError: Error, Equatable, CustomStringConvertible {
    /// `GITHUB_EVENT_PATH` is unset.
    case missingEventPath
    /// The event file could not be read.
    case unreadable(path: String, reason: String)
    /// The payload is not the JSON object GitHub sends.
    case malformed(String)
    /// `GITHUB_REPOSITORY` is not `owner/name`.
    case badRepository(String)

    package var description: String {
        switch self {
        case .missingEventPath:
            "GITHUB_EVENT_PATH is not set; run inside GitHub Actions, or use `chatgpt-probot review --diff FILE` locally"
        case .unreadable(let path, let reason):
            "cannot read the event file \(path): \(reason)"
        case .malformed(let reason):
            "the event payload is malformed: \(reason)"
        case .badRepository(let value):
            "GITHUB_REPOSITORY must be owner/name (got \"\(value)\")"
        }
    }
}
