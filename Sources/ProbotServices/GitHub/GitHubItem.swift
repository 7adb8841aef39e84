import ProbotCore

/// The fields ChatGPT Probot reads from GitHub's reviews, comments and issues: one shape for every listing and
/// every created item, each field optional except the id.
struct GitHubItem: Decodable {
    var id: Int
    var number: Int?
    var body: String?
    var htmlURL: String?
    var inReplyToID: Int?
    /// Present (an object) when an item of the issues list is a pull request.
    var pullRequest: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, number, body
        case htmlURL = "html_url"
        case inReplyToID = "in_reply_to_id"
        case pullRequest = "pull_request"
    }
}

/// `{"body": …}`: the request body of every comment create and edit.
struct CommentBody: Encodable {
    var body: String
}
