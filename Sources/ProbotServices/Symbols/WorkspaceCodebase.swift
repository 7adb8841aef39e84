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
            guard let data = try? ConfinedWorkspace(root: root).contents(path),
                data.count <= WorkspaceContentSource.byteLimit, !data.contains(0)
            else { continue }
            // A cheap pass over the bytes finds the lines naming a wanted word; only those are read closely.
            for (number, text) in Self.lines(in: data, naming: open) {
                let used = Set(IdentifierScanner.identifiers(in: text)).intersection(open)
                for name in used.sorted() {
                    found[name, default: []].append(SourceLine(path: path, line: NumberedLine(number, text)))
                    if found[name, default: []].count >= perName { open.remove(name) }
                }
            }
        }
        return found
    }

    /// The lines of `data` (1-based numbers, text) holding one of `names` as a whole word.
    static func lines(in data: Data, naming names: Set<String>) -> [(Int, String)] {
        let bytes = [UInt8](data)
        let shortest = names.map(\.utf8.count).min() ?? 1
        var result: [(Int, String)] = []
        var lineStart = 0
        var number = 1
        var hit = false
        var position = 0
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
        }
        while position <= bytes.count {
            if position == bytes.count || bytes[position] == 10 {
                if hit {
                    var end = position
                    if end > lineStart && bytes[end - 1] == 13 { end -= 1 }
                    result.append((number, String(decoding: bytes[lineStart..<end], as: UTF8.self)))
                }
                number += 1
                lineStart = position + 1
                hit = false
                position += 1
                continue
            }
            guard isWord(bytes[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < bytes.count && isWord(bytes[position]) { position += 1 }
            if !hit, position - start >= shortest,
                names.contains(String(decoding: bytes[start..<position], as: UTF8.self))
            {
                hit = true
            }
        }
        return result
    }

    private func read(_ path: String) -> [String]? {
        guard let data = try? ConfinedWorkspace(root: root).contents(path),
            case .text(let text) = WorkspaceContentSource.text(data)
        else { return nil }
        return FileText.lines(of: text)
    }
}
