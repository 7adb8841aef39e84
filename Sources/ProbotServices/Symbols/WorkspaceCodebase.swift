package import Foundation
package import ProbotCore

/// The checked-out workspace with its symbol index: reads lines of indexed files, confined to the workspace.
package struct WorkspaceCodebase: Codebase {
    package var root: URL
    package var index: SymbolIndex

    /// Memberwise initialiser.
    package init(root: URL, index: SymbolIndex) {
        self.root = root
        self.index = index
    }

    package func lines(of paths: Set<String>) async -> [String: [String]] {
        var result: [String: [String]] = [:]
        for path in paths {
            if let lines = read(path) { result[path] = lines }
        }
        return result
    }

    package func occurrences(of names: Set<String>, excluding excluded: Set<String>, perName: Int) async
        -> [String: [SourceLine]]
    {
        var found: [String: [SourceLine]] = [:]
        var open = names
        let paths = Set(index.declarations.map(\.path)).subtracting(excluded).sorted()
        for path in paths where !open.isEmpty {
            guard let lines = read(path) else { continue }
            for (offset, text) in lines.enumerated() where open.contains(where: { text.contains($0) }) {
                let used = Set(IdentifierScanner.identifiers(in: text)).intersection(open)
                for name in used {
                    found[name, default: []].append(SourceLine(path: path, line: NumberedLine(offset + 1, text)))
                    if found[name, default: []].count >= perName { open.remove(name) }
                }
            }
        }
        return found
    }

    private func read(_ path: String) -> [String]? {
        guard let data = try? ConfinedWorkspace(root: root).contents(path),
            case .text(let text) = WorkspaceContentSource.text(data)
        else { return nil }
        return FileText.lines(of: text)
    }
}
