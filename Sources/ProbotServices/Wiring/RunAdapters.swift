package import Foundation
package import ProbotCore

/// Everything one action run talks to, built once by ``ServiceFactory/adapters(_:environment:counter:)``:
/// GitHub's REST and GraphQL services, the model, the token counter, file contents and the configuration.
package struct RunAdapters: Sendable {
    package var github: GitHubPullRequestService
    package var threads: GitHubThreadStore
    package var model: OpenAIClient
    package var counter: any TokenCounter
    /// The inputs' review settings, few-shot examples included.
    package var settings: ReviewSettings
    /// The checkout (`GITHUB_WORKSPACE`).
    package var workspace: URL
    package var graphQLURL: URL
    /// The `config-file` input.
    package var configFile: String
    /// `symbol-index`: index the checkout for related declarations.
    package var symbolIndex: Bool
    /// The process environment, for the index's checkout detection (`GITHUB_SHA`, `GITHUB_EVENT_NAME`).
    package var environment: [String: String]
    /// The learnings issue (`learn: true`); `nil` learns nothing.
    package var learnings: GitHubLearningStore?

    /// File contents for `ref`: the checkout when it holds the file, GitHub otherwise.
    package func contents(_ ref: PullRequestRef) -> any FileContentSource {
        WorkspaceContentSource(
            root: workspace,
            fallback: GitHubContentSource(
                client: github.client, graphQLURL: graphQLURL, owner: ref.owner, repo: ref.repo)
        )
    }

    /// The repository's configuration of `ref`, read through GitHub at a commit.
    package func rules(_ ref: PullRequestRef) -> RepositoryRules {
        RepositoryRules(
            loader: GitHubConfigLoader(
                client: github.client, owner: ref.owner, repo: ref.repo, path: configFile, graphQLURL: graphQLURL))
    }

    /// The repository's configuration as checked out, for an audit.
    package var workspaceRules: RepositoryRules {
        RepositoryRules(loader: WorkspaceConfigLoader(workspace: workspace, path: configFile))
    }

    /// The review pipeline for `ref`, with every port it needs.
    package func pipeline(_ ref: PullRequestRef, engine: ReviewEngine) -> ReviewPipeline {
        ReviewPipeline(
            source: github, publisher: github,
            memory: ReviewMemory(
                history: github, summaries: github, comparer: github, descriptions: github, threads: threads,
                learnings: learnings),
            engine: engine, config: rules(ref).loader, contents: contents(ref)
        ).withSymbols(CtagsSymbolProvider(workspace: workspace, enabled: symbolIndex, environment: environment))
    }
}
