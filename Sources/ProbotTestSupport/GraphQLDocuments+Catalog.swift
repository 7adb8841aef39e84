package import ProbotCore
package import ProbotServices

extension GraphQLDocuments {
    /// A commit SHA for the catalog's file reads.
    package static let catalogCommit = "0123456789abcdef0123456789abcdef01234567"

    /// The pull request the catalog's thread documents ask about.
    package static let catalogPullRequest = PullRequestRef(owner: "octo-org", repo: "shop.api", number: 42)

    /// Paths with characters that must survive as variables: spaces, quotes, a backslash, colons, `$`, braces,
    /// `#`, non-ASCII letters, an emoji, a tab and a newline (git allows all of them).
    package static let oddPaths = [
        "dir with space/naïve file.swift", #"quote"and\backslash.txt"#, "colon:in:name.md",
        "$dollar/{braces}/#hash.py", "emoji 🚀/日本語.txt", "tab\there.txt", "new\nline.txt",
    ]

    /// Representative instances of every document the action sends, by name: what CI writes to `<name>.graphql`
    /// (and the request body to `<name>.json`) and validates against GitHub's schema.
    ///
    /// File reads with 1 and ``GitHubContentSource/filesPerQuery`` files are the only two document texts the
    /// content source sends (a read of N files sends full chunks and one remainder).
    package static var catalog: [String: GraphQLRequest] {
        let owner = catalogPullRequest.owner
        let repo = catalogPullRequest.repo
        let full = (0..<GitHubContentSource.filesPerQuery).map { "Sources/Module\($0)/File\($0).swift" }
        return [
            "file-contents-1": fileContents(
                owner: owner, repo: repo, commit: catalogCommit, paths: ["Sources/App/main.swift"]),
            "file-contents-\(full.count)": fileContents(owner: owner, repo: repo, commit: catalogCommit, paths: full),
            "file-contents-odd-paths": fileContents(owner: owner, repo: repo, commit: catalogCommit, paths: oddPaths),
            "review-threads-first-page": reviewThreads(catalogPullRequest, after: nil),
            "review-threads-next-page": reviewThreads(catalogPullRequest, after: "Y3Vyc29yOnYyOpHOBvQ2kA=="),
            "resolve-review-thread": resolveReviewThread(id: "PRRT_kwDOKx4m0s5Aaa1b"),
            "viewer": viewer(),
        ]
    }

    /// Every distinct document text in ``catalog``.
    package static var catalogQueries: Set<String> { Set(catalog.values.map(\.query)) }
}
