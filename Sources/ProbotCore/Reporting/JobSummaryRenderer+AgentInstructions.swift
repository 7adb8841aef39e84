/// The job summary's list of the repository's agent instruction files: which were used, by which requests, and
/// which were cut to the size cap. Paths only, escaped: the files' text never leaves the prompt.
extension JobSummaryRenderer {
    /// The `Repository instructions` section; empty when no file was used.
    package static func agentInstructionsSection(_ report: RunReport) -> Markdown {
        let instructions = report.agentInstructions
        guard !instructions.isEmpty else { return .empty }
        let batches = report.plan.batches
        var rows: [Markdown] = []
        for file in instructions.root {
            rows.append(row(file, requests: batches.isEmpty ? "none planned" : "every request"))
        }
        for file in instructions.all.dropFirst(instructions.root.count) {
            let using = batches.filter { batch in instructions.files(for: batch.paths).contains(file) }
            guard !using.isEmpty else { continue }
            let numbers = using.map { "\($0.number)" as Markdown }.joined(separator: ", ")
            rows.append(row(file, requests: using.count == batches.count ? "every request" : numbers))
        }
        guard !rows.isEmpty else { return .empty }
        let cut = instructions.all.count(where: \.isCut)
        var out: Markdown = "\n### Repository instructions\n\n"
        out += "Read from the base branch and sent to the model after this action's rules"
        out +=
            cut > 0 ? "; \(cut) file(s) cut to \(count: AgentInstructionFile.characterLimit) characters.\n\n" : ".\n\n"
        return out + table("| File | Requests | Size |\n|---|---|---|", rows, what: "file(s)")
    }

    private static func row(_ file: AgentInstructionFile, requests: Markdown) -> Markdown {
        let size: Markdown =
            file.isCut
            ? "\(count: file.text.count) of \(count: file.originalCharacters) characters (cut)"
            : "\(count: file.text.count) characters"
        return "| \(codeCell: file.path) | \(requests) | \(size) |"
    }
}
