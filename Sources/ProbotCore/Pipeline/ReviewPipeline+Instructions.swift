/// The agent-instructions stage: the repository's `AGENTS.md` (root and nearest), `.github/copilot-instructions.md`
/// and `CLAUDE.md` at the pull request's base, for every review request.
extension ReviewPipeline {
    /// Most notes about changed instruction files; past this, one note counts the rest.
    package static let changedInstructionNotes = 3

    /// Reads the instruction files at the base commit (never the head: a pull request must not rewrite the rules
    /// it is reviewed by) into `settings`. Missing files are normal; unreadable ones are warnings; a pull request
    /// changing one gets a note.
    /// - Returns: the instructions (`nil` when off), and the notes and warnings for the job summary.
    func loadAgentInstructions(
        _ fetched: Fetched, settings: ReviewSettings
    ) async -> (AgentInstructions?, [Diagnostic]) {
        guard settings.readsAgentInstructions, let config else { return (nil, []) }
        var diagnostics = Self.changedInstructionDiagnostics(fetched.changed.map(\.filename))
        let filter = settings.filter
        let paths = fetched.changed
            .filter { $0.status != "removed" && filter.exclusionReason(for: $0.filename) == nil }
            .map(\.filename)
        let loaded = await AgentInstructionsLoader(repository: config).load(
            for: paths, at: fetched.pullRequest.base.sha)
        diagnostics += loaded.diagnostics
        return (loaded.instructions, diagnostics)
    }

    /// A note for each changed instruction file (the first few, then a count).
    package static func changedInstructionDiagnostics(_ changed: [String]) -> [Diagnostic] {
        let edited = changed.filter(AgentInstructions.isInstructionFile)
        var notes: [Diagnostic] = edited.prefix(changedInstructionNotes).map {
            .note(
                "this pull request changes \(MarkdownBuilder.codeSpan($0)); the change applies after merge, and this review used the agent instructions on the base branch"
            )
        }
        if edited.count > changedInstructionNotes {
            notes.append(
                .note(
                    "this pull request changes \(edited.count - changedInstructionNotes) more agent instruction file(s); their changes apply after merge too"
                ))
        }
        return notes
    }
}
