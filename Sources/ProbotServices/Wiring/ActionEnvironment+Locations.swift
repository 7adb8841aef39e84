package import Foundation
package import ProbotCore

/// Where the runner says things are: the checkout, GitHub's APIs, this workflow run.
extension ActionEnvironment {
    /// `GITHUB_WORKSPACE`, or the current directory.
    package var workspace: URL {
        URL(fileURLWithPath: self["GITHUB_WORKSPACE"] ?? FileManager.default.currentDirectoryPath)
    }

    /// `GITHUB_API_URL`, or github.com's API.
    package var apiBaseURL: URL {
        self["GITHUB_API_URL"].flatMap(URL.init(string:)) ?? URL(string: "https://api.github.com")
            ?? URL(fileURLWithPath: "/")
    }

    /// `GITHUB_GRAPHQL_URL`, or the GraphQL endpoint of ``apiBaseURL``.
    package var graphQLURL: URL {
        self["GITHUB_GRAPHQL_URL"].flatMap(URL.init(string:)) ?? GitHubGraphQL.url(forAPI: apiBaseURL)
    }

    /// A link to this workflow run of `repository`, when the runner names it.
    package func runURL(_ repository: String) -> String? {
        self["GITHUB_RUN_ID"].map {
            "\(self["GITHUB_SERVER_URL"] ?? "https://github.com")/\(repository)/actions/runs/\($0)"
        }
    }

    /// Every secret this run knows, for masking and redaction.
    package var secrets: [String?] {
        [input("openai-api-key"), input("github-token")]
            + [
                "GITHUB_TOKEN", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "ACTIONS_RUNTIME_TOKEN",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
            ].map { self[$0] }
    }
}
