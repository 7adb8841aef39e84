/// The lines a local plan adds about the repository: generated code skipped, agent instruction files used.
extension TerminalReportRenderer {
    /// The generated-code and agent-instructions lines of a plan, or `""` when there is nothing to say.
    package static func repositoryLines(_ report: RunReport) -> String {
        var out = ""
        let generated = report.skippedFiles.count { $0.reason.isGenerated }
        if generated > 0 {
            out +=
                "\nGenerated or vendored: \(generated) file(s) skipped, \(Format.count(report.generatedPatchLines)) patch lines.\n"
        }
        let files = report.agentInstructions.all
        if !files.isEmpty {
            let names = files.map { MarkdownBuilder.codeSpan($0.path) + ($0.isCut ? " (cut)" : "") }.joined(
                separator: ", ")
            out += "\nRepository instructions sent: \(names).\n"
        }
        return out
    }
}
