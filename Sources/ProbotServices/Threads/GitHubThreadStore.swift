package import Foundation
package import ProbotCore

/// Review threads through GitHub's GraphQL API: `reviewThreads` (paginated) to read, `resolveReviewThread` to
/// resolve; replies go through REST.
package struct GitHubThreadStore: ReviewThreadStore {
    package var client: GitHubClient
    package var graphQLURL: URL

    /// Memberwise initialiser.
    package init(client: GitHubClient, graphQLURL: URL) {
        self.client = client
        self.graphQLURL = graphQLURL
    }

    /// Most pages of 100 threads read.
    package static let pageLimit = 20

    private struct Page: Decodable {
        struct Author: Decodable {
            var login: String
            var typename: String?
            enum CodingKeys: String, CodingKey {
                case login
                case typename = "__typename"
            }
        }
        struct Comment: Decodable {
            var databaseId: Int?
            var body: String?
            var viewerDidAuthor: Bool?
            var url: String?
            var authorAssociation: String?
            var author: Author?
            var reactionGroups: [ReactionGroup]?
        }
        struct Comments: Decodable { var nodes: [Comment] }
        struct Thread: Decodable {
            var id: String
            var isResolved: Bool
            var isOutdated: Bool
            var path: String
            var line: Int?
            var originalLine: Int?
            var comments: Comments
        }
        struct PageInfo: Decodable {
            var hasNextPage: Bool
            var endCursor: String?
        }
        struct Threads: Decodable {
            var pageInfo: PageInfo
            var nodes: [Thread]
        }
        struct PullRequest: Decodable { var reviewThreads: Threads }
        struct Repository: Decodable { var pullRequest: PullRequest? }
        struct DataField: Decodable { var repository: Repository? }
        var data: DataField?
        var errors: [GraphQLError]?
    }

    package func threads(_ ref: PullRequestRef) async throws -> [ReviewThread] {
        var result: [ReviewThread] = []
        var after: String?
        for _ in 0..<Self.pageLimit {
            let data = try await post(
                GraphQLDocuments.reviewThreads(ref, after: after), operation: "read the review threads")
            let page = try JSONDecoder().decode(Page.self, from: data)
            guard let threads = page.data?.repository?.pullRequest?.reviewThreads else {
                throw page.errors?.first ?? GraphQLError(message: "no review threads in the answer")
            }
            result += threads.nodes.map { thread in
                ReviewThread(
                    id: thread.id, isResolved: thread.isResolved, isOutdated: thread.isOutdated, path: thread.path,
                    line: thread.line, originalLine: thread.originalLine,
                    comments: thread.comments.nodes.map {
                        ThreadComment(
                            id: $0.databaseId ?? 0, body: $0.body ?? "", author: $0.author?.login ?? "ghost",
                            authorIsBot: $0.author?.typename == "Bot", byViewer: $0.viewerDidAuthor ?? false,
                            association: $0.authorAssociation, reactions: ReactionGroup.people($0.reactionGroups),
                            url: $0.url)
                    })
            }
            guard threads.pageInfo.hasNextPage, let cursor = threads.pageInfo.endCursor else { break }
            after = cursor
        }
        return result
    }

    package func resolve(threadID: String) async throws {
        struct Answer: Decodable { var errors: [GraphQLError]? }
        let data = try await post(
            GraphQLDocuments.resolveReviewThread(id: threadID), operation: "resolve a review thread")
        if let problem = try JSONDecoder().decode(Answer.self, from: data).errors?.first {
            if problem.type == "FORBIDDEN" { throw ThreadStoreError.forbidden(problem.message) }
            throw problem
        }
    }

    package func reply(_ ref: PullRequestRef, rootCommentID: Int, body: Markdown) async throws -> String? {
        try await GitHubPullRequestService(client: client).reply(ref, rootCommentID: rootCommentID, body: body)
    }

    /// Posts through ``GitHubGraphQL``; a 403 means the token may not do this.
    private func post(_ request: GraphQLRequest, operation: String) async throws -> Data {
        do {
            return try await GitHubGraphQL(client: client, url: graphQLURL).post(request, operation: operation)
        } catch let error as GitHubAPIError where error.status == 403 {
            throw ThreadStoreError.forbidden(error.message)
        }
    }
}
