/// Reads the agent instruction files for a set of changed paths at one commit (the pull request's base), through
/// the repository port: the root files plus `AGENTS.md` in every folder above a path, at most ``folderLimit``
/// folders, ``concurrency`` reads at a time. A missing file is normal; an unreadable one is a warning.
package struct AgentInstructionsLoader: Sendable {
    /// Reads files at a commit.
    package var repository: any RepositoryConfigLoader
    /// Most folders looked up for a nested `AGENTS.md` per run (shallow folders first).
    package var folderLimit = Self.defaultFolderLimit
    /// Reads in flight at once.
    package var concurrency = Self.defaultConcurrency

    /// Folders looked up by default.
    package static let defaultFolderLimit = 40
    /// Reads in flight by default.
    package static let defaultConcurrency = 4

    /// Memberwise initialiser.
    package init(repository: any RepositoryConfigLoader) {
        self.repository = repository
    }

    /// What was read: the instructions, and warnings about files that could not be read or folders not looked up.
    package struct Loaded: Sendable {
        package var instructions: AgentInstructions
        package var diagnostics: [Diagnostic]
        /// Paths asked for, in order (for tests and the lookup bound).
        package var lookedUp: [String]
    }

    /// The instructions that apply to `paths` at `commit`.
    package func load(for paths: [String], at commit: String) async -> Loaded {
        let (folders, dropped) = AgentInstructions.folders(for: paths, limit: folderLimit)
        let wanted = AgentInstructions.rootPaths + folders.map { $0 + "/" + AgentInstructions.nestedName }
        let results = await read(wanted, at: commit)
        var root: [AgentInstructionFile] = []
        var nested: [String: AgentInstructionFile] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, path) in wanted.enumerated() {
            switch results[index] {
            case .success(let text?) where !text.trimmingWhitespace().isEmpty:
                let file = AgentInstructionFile(path: path, fullText: text)
                if index < AgentInstructions.rootPaths.count {
                    root.append(file)
                } else {
                    nested[folders[index - AgentInstructions.rootPaths.count]] = file
                }
            case .success:
                continue
            case .failure(let error):
                diagnostics.append(
                    .warning(
                        "could not read \(MarkdownBuilder.codeSpan(path)) at the base (\(error)); the review goes on without it"
                    ))
            }
        }
        if dropped > 0 {
            diagnostics.append(
                .note(
                    "looked for `\(AgentInstructions.nestedName)` in \(folders.count) folders only; \(dropped) deeper folder(s) were not looked up"
                ))
        }
        return Loaded(
            instructions: AgentInstructions(root: root, nested: nested), diagnostics: diagnostics, lookedUp: wanted)
    }

    /// Reads `paths` in one batch when the source can (one GraphQL query per 25 paths on GitHub), else, or when
    /// the batch fails, one by one; results in the order of `paths`.
    private func read(_ paths: [String], at commit: String) async -> [Result<String?, ReadFailure>] {
        if let texts = try? await repository.repositoryFileTexts(paths, at: commit) {
            return paths.map { .success(texts[$0]) }
        }
        return await readEach(paths, at: commit)
    }

    /// Reads `paths` concurrently, at most ``concurrency`` at a time; results in the order of `paths`.
    private func readEach(_ paths: [String], at commit: String) async -> [Result<String?, ReadFailure>] {
        let repository = self.repository
        let readOne: @Sendable (Int) async -> (Int, Result<String?, ReadFailure>) = { index in
            do {
                return (index, .success(try await repository.repositoryFileText(paths[index], at: commit)))
            } catch {
                return (index, .failure(ReadFailure(description: String(describing: error))))
            }
        }
        return await withTaskGroup(of: (Int, Result<String?, ReadFailure>).self) { group in
            var results = [Result<String?, ReadFailure>](repeating: .success(nil), count: paths.count)
            var pending = paths.indices.makeIterator()
            for _ in 0..<max(1, concurrency) {
                guard let index = pending.next() else { break }
                group.addTask { await readOne(index) }
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if let index = pending.next() { group.addTask { await readOne(index) } }
            }
            return results
        }
    }

    /// Why a file could not be read, in words.
    package struct ReadFailure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }
}
