import Foundation

/// Where a link in posted model text may point.
package struct LinkPolicy: Sendable, Equatable {
    /// `owner/name` of the repository under review, lower-cased; `nil` allows all of `https://github.com`.
    package var repository: String?

    /// What becomes of a link.
    package enum Verdict: Sendable, Equatable {
        /// Stays clickable.
        case allowed
        /// Its text stays, its target is dropped (`javascript:`, `data:`, …).
        case textOnly
        /// Its text stays, followed by its target as inline code.
        case shownAsCode
    }

    /// A policy for `repository` (`owner/name`).
    package init(repository: String?) {
        self.repository = repository?.lowercased()
    }

    /// The verdict for a link's destination as cmark-gfm resolved it.
    package func verdict(_ target: String) -> Verdict {
        let lowered = target.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for scheme in ["javascript:", "data:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) {
            return .textOnly
        }
        if lowered.contains("\\") || lowered.hasPrefix("//") { return .shownAsCode }
        if lowered.hasPrefix("https://github.com/") {
            return isThisRepository(path: String(lowered.dropFirst("https://github.com".count)))
                ? .allowed : .shownAsCode
        }
        // A scheme before any `/`, `?` or `#` makes it absolute: anything but GitHub leaves the site.
        let head = lowered.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if head.contains(":") { return .shownAsCode }
        if lowered.hasPrefix("/") { return isThisRepository(path: lowered) ? .allowed : .shownAsCode }
        return .allowed
    }

    /// Whether an absolute path on github.com is inside the repository (any repository when none is set).
    private func isThisRepository(path: String) -> Bool {
        guard let repository else { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard parts.count >= 2 else { return false }
        let owner = parts[parts.startIndex]
        let name = parts[parts.startIndex + 1].prefix { $0 != "?" && $0 != "#" }
        return "\(owner)/\(name)" == repository && !parts.contains("..")
    }
}
