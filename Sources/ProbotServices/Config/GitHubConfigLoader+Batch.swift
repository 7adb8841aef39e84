import Foundation
import ProbotCore

/// Many small files at one commit (the agent instruction files of every folder a pull request touches) in one
/// GraphQL query per ``filesPerQuery`` paths, instead of one contents request each.
extension GitHubConfigLoader {
    /// Paths per query, as for the context's file reads.
    static let filesPerQuery = 25

    package func repositoryFileTexts(_ paths: [String], at commit: String) async throws -> [String: String]? {
        guard let graphQLURL else { return nil }
        // Paths that could leave the repository are never asked for, as with the contents API.
        let safe = paths.filter { (try? WorkspacePath.validate($0)) != nil }
        var texts: [String: String] = [:]
        for start in stride(from: 0, to: safe.count, by: Self.filesPerQuery) {
            let chunk = Array(safe[start..<min(safe.count, start + Self.filesPerQuery)])
            texts.merge(try await query(chunk, at: commit, url: graphQLURL)) { $1 }
        }
        return texts
    }

    /// One query; a file GitHub has no text for (missing, binary, truncated) is absent.
    private func query(_ paths: [String], at commit: String, url: URL) async throws -> [String: String] {
        let request = GraphQLDocuments.fileContents(owner: owner, repo: repo, commit: commit, paths: paths)
        let data = try await GitHubGraphQL(client: client, url: url).post(request, operation: "read files at a commit")
        let decoded = try JSONDecoder().decode(BlobAnswer.self, from: data)
        guard let repository = decoded.data?.repository, decoded.errors?.isEmpty ?? true else {
            throw GraphQLError(message: decoded.errors?.map(\.message).joined(separator: "; ") ?? "no data")
        }
        var texts: [String: String] = [:]
        for (index, path) in paths.enumerated() {
            guard let blob = repository["f\(index)"] ?? nil, blob.isBinary != true, blob.isTruncated != true,
                let text = blob.text
            else { continue }
            texts[path] = text
        }
        return texts
    }
}

/// GraphQL's answer to ``GraphQLDocuments/fileContents(owner:repo:commit:paths:)``: blobs by alias, `null` for a
/// missing object.
private struct BlobAnswer: Decodable {
    struct Blob: Decodable {
        var text: String?
        var isBinary: Bool?
        var isTruncated: Bool?
    }
    struct DataField: Decodable { var repository: [String: Blob?]? }
    var data: DataField?
    var errors: [GraphQLError]?
}
