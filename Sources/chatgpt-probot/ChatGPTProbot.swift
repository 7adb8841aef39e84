import ArgumentParser

/// The `chatgpt-probot` command: the GitHub Action by default, plus local subcommands.
@main
struct ChatGPTProbot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatgpt-probot",
        abstract: "Reviews pull requests and diffs with ChatGPT.",
        discussion: """
            Inside GitHub Actions, run with no arguments: the event and `INPUT_*` variables drive the run.
            Locally, `chatgpt-probot review --diff change.diff --dry-run` shows the plan and cost with no key.
            """,
        version: "chatgpt-probot \(BuildInfo.version) (\(BuildInfo.revision))",
        subcommands: [ActionCommand.self, ReviewCommand.self, TokensCommand.self],
        defaultSubcommand: ActionCommand.self
    )
}
