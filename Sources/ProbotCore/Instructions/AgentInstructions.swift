/// One agent instruction file read at the pull request's base, capped in size.
package struct AgentInstructionFile: Sendable, Equatable {
    /// The file's path in the repository (`AGENTS.md`, `Sources/App/AGENTS.md`).
    package var path: String
    /// The text sent to the model: the whole file, or its start when it was longer than the cap.
    package var text: String
    /// Characters of the whole file; more than `text.count` when it was cut.
    package var originalCharacters: Int

    /// Longest text kept per file, in characters (about 2,000 tokens of English); the rest is cut.
    package static let characterLimit = 8_000

    /// `fullText` capped at `limit` characters, cut at the last line break when one falls in the second half.
    package init(path: String, fullText: String, limit: Int = characterLimit) {
        self.path = path
        let trimmed = fullText.trimmingWhitespace()
        originalCharacters = trimmed.count
        guard trimmed.count > limit else {
            text = trimmed
            return
        }
        let head = trimmed.prefix(limit)
        if let lastBreak = head.lastIndex(of: "\n"), head.distance(from: head.startIndex, to: lastBreak) >= limit / 2 {
            text = String(head[..<lastBreak])
        } else {
            text = String(head)
        }
    }

    /// Whether the file was longer than the cap.
    package var isCut: Bool { originalCharacters > text.count }
}

/// The repository's instructions for AI tools, read at the base: `AGENTS.md` (the root one and the nearest one
/// above each reviewed file), `.github/copilot-instructions.md` and `CLAUDE.md`.
package struct AgentInstructions: Sendable, Equatable {
    /// Files at fixed paths that apply to every request, in ``rootPaths`` order.
    package var root: [AgentInstructionFile]
    /// `AGENTS.md` files below the root, by folder (`Sources/App`).
    package var nested: [String: AgentInstructionFile]

    /// The fixed paths read for every pull request, in prompt order.
    package static let rootPaths = ["AGENTS.md", ".github/copilot-instructions.md", "CLAUDE.md"]
    /// The name of the per-folder file.
    package static let nestedName = "AGENTS.md"

    /// No instructions.
    package static let none = AgentInstructions(root: [], nested: [:])

    /// Memberwise initialiser.
    package init(root: [AgentInstructionFile], nested: [String: AgentInstructionFile]) {
        self.root = root
        self.nested = nested
    }

    /// Whether there is nothing to send.
    package var isEmpty: Bool { root.isEmpty && nested.isEmpty }

    /// Every file, root ones first, then nested ones by path.
    package var all: [AgentInstructionFile] { root + nested.values.sorted { $0.path < $1.path } }

    /// The nearest `AGENTS.md` below the root in a folder above `path`, or `nil` when the nearest is the root's
    /// (or there is none).
    package func nearest(to path: String) -> AgentInstructionFile? {
        guard !nested.isEmpty else { return nil }
        for folder in Self.ancestors(of: path) {
            if let file = nested[folder] { return file }
        }
        return nil
    }

    /// The files for a request holding `paths`: the root files, then the nearest `AGENTS.md` of each path in the
    /// order the paths come, each once.
    package func files(for paths: [String]) -> [AgentInstructionFile] {
        var seen = Set<String>()
        let closest = paths.compactMap { nearest(to: $0) }.filter { seen.insert($0.path).inserted }
        return root + closest
    }

    /// The folders above `path`, deepest first, without the root: `a/b/c.swift` → `a/b`, `a`.
    package static func ancestors(of path: String) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var folders: [String] = []
        while !parts.isEmpty {
            folders.append(parts.joined(separator: "/"))
            parts = parts.dropLast()
        }
        return folders
    }

    /// The distinct folders whose `AGENTS.md` could be nearest to one of `paths`, shallow first (then by name),
    /// at most `limit`; `dropped` counts the folders left out.
    package static func folders(for paths: [String], limit: Int) -> (folders: [String], dropped: Int) {
        let all = Set(paths.flatMap { ancestors(of: $0) }).filter { !$0.isEmpty }
        let ordered = all.sorted { lhs, rhs in
            let (left, right) = (lhs.count { $0 == "/" }, rhs.count { $0 == "/" })
            return left != right ? left < right : lhs < rhs
        }
        return (Array(ordered.prefix(limit)), max(0, ordered.count - limit))
    }

    /// Whether `path` is an instruction file this action reads (a root file, or an `AGENTS.md` anywhere).
    package static func isInstructionFile(_ path: String) -> Bool {
        rootPaths.contains(path) || path == nestedName || path.hasSuffix("/" + nestedName)
    }
}
