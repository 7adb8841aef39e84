/// A file or part of a file that was not reviewed, and why. Nothing is dropped silently.
package struct SkippedFile: Error, Sendable, Equatable, Codable {
    package var path: String
    package var reason: SkipReason

    /// Memberwise initialiser.
    package init(path: String, reason: SkipReason) {
        self.path = path
        self.reason = reason
    }
}

/// Why a file (or hunk) was not reviewed.
package enum SkipReason: Sendable, Equatable, Codable, CustomStringConvertible {
    case removed
    case noPatch
    case unchanged
    case notIncluded
    case excluded(String)
    case builtInExclusion(String)
    case unparsablePatch(String)
    case hunkOverBudget(header: String, tokens: Int, budget: Int)
    case modelFailed(String)
    case truncatedByGitHub
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case unreadable(String)
    case capReached(String)
    /// A `.gitattributes` attribute at the base marks the file generated, vendored or not diffable.
    case gitAttribute(String)
    /// The file's first lines carry a generated-code marker.
    case generatedHeader(String)

    /// The reason as Markdown for a table cell: outside text (patterns, headers, errors) escaped.
    package var markdown: Markdown {
        switch self {
        case .removed, .noPatch, .unchanged, .truncatedByGitHub, .binary, .tooLarge, .notIncluded:
            "\(cell: description)"
        case .excluded(let pattern): "matches `exclude` pattern \(codeCell: pattern)"
        case .builtInExclusion(let pattern): "built-in exclusion \(codeCell: pattern)"
        case .unparsablePatch(let why): "patch could not be parsed: \(cell: why)"
        case .hunkOverBudget(let header, let tokens, let budget):
            "hunk \(codeCell: header) is \(tokens) tokens, over the \(budget)-token budget"
        case .modelFailed(let why): "model request failed: \(cell: why)"
        case .unreadable(let why): "could not be read: \(cell: why)"
        case .capReached(let cap): "left for a later run: the \(cell: cap) cap was reached"
        case .gitAttribute(let attribute): "`.gitattributes` sets \(codeCell: attribute)"
        case .generatedHeader(let marker): "generated code: header says \(codeCell: marker)"
        }
    }

    /// Whether the file was left out as generated or vendored code.
    package var isGenerated: Bool {
        switch self {
        case .gitAttribute, .generatedHeader: true
        default: false
        }
    }

    package var description: String {
        switch self {
        case .removed: "file removed"
        case .noPatch: "no patch from GitHub (binary or too large a diff)"
        case .unchanged: "no changed lines"
        case .notIncluded: "matches no `include` pattern"
        case .excluded(let pattern): "matches `exclude` pattern `\(pattern)`"
        case .builtInExclusion(let pattern): "built-in exclusion `\(pattern)`"
        case .unparsablePatch(let why): "patch could not be parsed: \(why)"
        case .hunkOverBudget(let header, let tokens, let budget):
            "hunk \(MarkdownBuilder.codeSpan(header)) is \(tokens) tokens, over the \(budget)-token budget"
        case .modelFailed(let why): "model request failed: \(why)"
        case .truncatedByGitHub: "beyond GitHub's 3,000-file listing limit"
        case .binary: "binary file"
        case .tooLarge(let bytes, let limit): "\(bytes) bytes, over the \(limit)-byte limit"
        case .unreadable(let why): "could not be read: \(why)"
        case .capReached(let cap): "left for a later run: the \(cap) cap was reached"
        case .gitAttribute(let attribute): "`.gitattributes` sets `\(attribute)`"
        case .generatedHeader(let marker): "generated code: header says \(MarkdownBuilder.codeSpan(marker))"
        }
    }
}
