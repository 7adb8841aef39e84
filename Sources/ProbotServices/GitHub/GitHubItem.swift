import ProbotCore

/// The fields ChatGPT Probot reads from GitHub's reviews, comments and issues: one shape for every listing and
/// every created item, each field optional except the id.
struct GitHubItem: Decodable {
    var id: Int
    var number: Int?
    var body: String?
    var htmlURL: String?
    var inReplyToID: Int?
    /// Who wrote it.
    var user: User?
    /// Present (an object) when an item of the issues list is a pull request.
    var pullRequest: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, number, body, user
        case htmlURL = "html_url"
        case inReplyToID = "in_reply_to_id"
        case pullRequest = "pull_request"
    }
}

/// The author of an item.
struct User: Decodable {
    var login: String
}

/// `{"body": …}`: the request body of every comment create and edit.
struct CommentBody: Encodable {
    var body: String

    /// The request body for `body`.
    init(body: Markdown) { self.body = body.rawValue }
}
