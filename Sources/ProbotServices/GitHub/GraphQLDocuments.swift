package import ProbotCore

/// A GraphQL document and the variables it is sent with, as ``GitHubGraphQL/post(_:operation:)`` posts them.
///
/// Only the builders in ``GraphQLDocuments`` make one, so every document the action sends is built in one file,
/// where CI can check them all against GitHub's schema (`.ci/validate_graphql.py`).
package struct GraphQLRequest: Sendable, Equatable {
    /// Which document this is; every kind has representative instances that CI validates.
    package enum Kind: String, Sendable, CaseIterable {
        /// Changed files' text at a commit, one `object(expression:)` alias per file.
        case fileContents
        /// One page of a pull request's review threads.
        case reviewThreads
        /// The `resolveReviewThread` mutation.
        case resolveReviewThread
        /// Who the token acts as.
        case viewer
    }

    package let kind: Kind
    /// The GraphQL document.
    package let query: String
    /// The values of the document's `$variables`.
    package let variables: [String: JSONValue]

    fileprivate init(kind: Kind, query: String, variables: [String: JSONValue]) {
        self.kind = kind
        self.query = query
        self.variables = variables
    }

    /// The POST body: `{"query": …, "variables": {…}}`.
    package var body: JSONValue { .object(["query": .string(query), "variables": .object(variables)]) }
}

/// Every GraphQL document the action sends to GitHub, built here and nowhere else.
///
/// Variable parts (paths, cursors, ids) travel as `$variables`, never spliced into the text; the only part of a
/// document built at run time is the number of file aliases in ``fileContents(owner:repo:commit:paths:)``.
package enum GraphQLDocuments {
    /// The login of the identity the token acts as (works for installation tokens, unlike REST `/user`).
    package static func viewer() -> GraphQLRequest {
        GraphQLRequest(kind: .viewer, query: "query { viewer { login } }", variables: [:])
    }

    /// The text of `paths` at `commit`: aliases `f0`, `f1`, … read `object(expression: "COMMIT:PATH")` as a `Blob`.
    ///
    /// The document depends only on `paths.count`; each path goes in its variable `$eN`.
    /// - Precondition: `paths` is not empty (an empty selection set is not valid GraphQL).
    package static func fileContents(owner: String, repo: String, commit: String, paths: [String]) -> GraphQLRequest {
        precondition(!paths.isEmpty, "a file contents query needs at least one path")
        var variables: [String: JSONValue] = ["owner": .string(owner), "name": .string(repo)]
        for (index, path) in paths.enumerated() { variables["e\(index)"] = .string("\(commit):\(path)") }
        return GraphQLRequest(kind: .fileContents, query: fileContentsQuery(files: paths.count), variables: variables)
    }

    /// The document of ``fileContents(owner:repo:commit:paths:)`` for `count` files.
    static func fileContentsQuery(files count: Int) -> String {
        var declarations = "$owner: String!, $name: String!"
        var fields = ""
        for index in 0..<count {
            declarations += ", $e\(index): String!"
            fields +=
                " f\(index): object(expression: $e\(index)) { ... on Blob { text isBinary byteSize isTruncated } }"
        }
        return "query(\(declarations)) { repository(owner: $owner, name: $name) {\(fields) } }"
    }

    /// Review threads of `ref`, 100 a page with up to 50 comments each; `after` is the previous page's `endCursor`.
    /// Each comment comes with its author's association and its reaction groups (the ledger's 👍 and 👎): the
    /// total, whether the token's identity reacted, and the first 10 reactors' types, so bots can be left out.
    package static func reviewThreads(_ ref: PullRequestRef, after: String?) -> GraphQLRequest {
        var variables: [String: JSONValue] = [
            "owner": .string(ref.owner), "name": .string(ref.repo), "number": .number(Double(ref.number)),
        ]
        if let after { variables["after"] = .string(after) }
        return GraphQLRequest(kind: .reviewThreads, query: reviewThreadsQuery, variables: variables)
    }

    static let reviewThreadsQuery = """
        query($owner: String!, $name: String!, $number: Int!, $after: String) {
          repository(owner: $owner, name: $name) {
            pullRequest(number: $number) {
              reviewThreads(first: 100, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id isResolved isOutdated path line originalLine
                  comments(first: 50) {
                    nodes {
                      databaseId body viewerDidAuthor url authorAssociation author { login __typename }
                      reactionGroups { content viewerHasReacted reactors(first: 10) { totalCount nodes { __typename } } }
                    }
                  }
                }
              }
            }
          }
        }
        """

    /// Resolves the review thread with node id `id` (e.g. `PRRT_kwDO…`).
    package static func resolveReviewThread(id: String) -> GraphQLRequest {
        GraphQLRequest(
            kind: .resolveReviewThread,
            query: "mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id isResolved } } }",
            variables: ["id": .string(id)])
    }
}
