package import Foundation
package import ProbotCore

/// Reads changed files through GitHub's GraphQL API, 25 files per query; a query that fails as a whole falls back
/// to REST blobs (`GET /repos/{o}/{r}/git/blobs/{sha}`) for its files.
package struct GitHubContentSource: FileContentSource {
    package var client: GitHubClient
    /// `GITHUB_GRAPHQL_URL`, e.g. `https://api.github.com/graphql` or `https://HOST/api/graphql`.
    package var graphQLURL: URL
    package var owner: String
    package var repo: String

    /// Files per GraphQL query.
    package static let filesPerQuery = 25

    /// Memberwise initialiser.
    package init(client: GitHubClient, graphQLURL: URL, owner: String, repo: String) {
        self.client = client
        self.graphQLURL = graphQLURL
        self.owner = owner
        self.repo = repo
    }

    /// Queries in flight at once (reads only; GitHub allows concurrent reads).
    package static let concurrentQueries = 4

    package func texts(of files: [ChangedFile], at commit: String) async -> ContentRead {
        let chunks = stride(from: 0, to: files.count, by: Self.filesPerQuery).map {
            Array(files[$0..<min(files.count, $0 + Self.filesPerQuery)])
        }
        var read = ContentRead()
        await withTaskGroup(of: ContentRead.self) { group in
            var next = 0
            func launch() {
                guard next < chunks.count else { return }
                let chunk = chunks[next]
                next += 1
                group.addTask { await self.readChunk(chunk, at: commit) }
            }
            for _ in 0..<Self.concurrentQueries { launch() }
            while let part = await group.next() {
                read.texts.merge(part.texts) { $1 }
                read.diagnostics += part.diagnostics
                launch()
            }
        }
        return read
    }

    /// One chunk: a GraphQL query, or blobs when the query fails as a whole.
    private func readChunk(_ chunk: [ChangedFile], at commit: String) async -> ContentRead {
        do {
            return ContentRead(texts: try await query(chunk, at: commit))
        } catch {
            var read = ContentRead(diagnostics: [
                .warning(
                    "GraphQL could not read \(chunk.count) file(s) for context (\(error)); reading their blobs instead")
            ])
            for file in chunk { read.texts[file.filename] = await blob(file) }
            return read
        }
    }

    private struct Response: Decodable {
        struct Blob: Decodable {
            var text: String?
            var isBinary: Bool?
            var byteSize: Int?
            var isTruncated: Bool?
        }
        struct Repository: Decodable {
            var objects: [String: Blob?]
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: AnyKey.self)
                var objects: [String: Blob?] = [:]
                for key in container.allKeys {
                    objects[key.stringValue] = try container.decodeIfPresent(Blob.self, forKey: key)
                }
                self.objects = objects
            }
        }
        struct DataField: Decodable { var repository: Repository? }
        var data: DataField?
        var errors: [GraphQLError]?
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One GraphQL query for up to 25 files.
    private func query(_ files: [ChangedFile], at commit: String) async throws -> [String: FileText] {
        let request = GraphQLDocuments.fileContents(
            owner: owner, repo: repo, commit: commit, paths: files.map(\.filename))
        let data = try await GitHubGraphQL(client: client, url: graphQLURL).post(
            request, operation: "read files with GraphQL")
        let decoded = try JSONDecoder().decode(Response.self, from: data)
        guard let repository = decoded.data?.repository else {
            throw GraphQLError(message: decoded.errors?.map(\.message).joined(separator: "; ") ?? "no data")
        }
        var texts: [String: FileText] = [:]
        for (index, file) in files.enumerated() {
            guard let blob = repository.objects["f\(index)"] ?? nil else {
                texts[file.filename] = .unavailable("missing at the head commit")
                continue
            }
            if blob.isBinary == true {
                texts[file.filename] = .unavailable("binary")
            } else if (blob.byteSize ?? 0) > WorkspaceContentSource.byteLimit || blob.isTruncated == true {
                texts[file.filename] = .unavailable("larger than 1 MB")
            } else if let text = blob.text {
                texts[file.filename] = .text(text)
            } else {
                texts[file.filename] = .unavailable("no text")
            }
        }
        return texts
    }

    /// The REST fallback for one file.
    private func blob(_ file: ChangedFile) async -> FileText {
        guard let sha = file.sha else { return .unavailable("no blob SHA in the file listing") }
        do {
            let response = try await client.send(
                "GET", client.url("/repos/\(owner)/\(repo)/git/blobs/\(sha)"), accept: "application/vnd.github.raw+json"
            )
            guard (200..<300).contains(response.status) else {
                return .unavailable("blob read failed (\(response.status))")
            }
            return WorkspaceContentSource.text(response.body)
        } catch {
            return .unavailable("blob read failed (\(error))")
        }
    }
}
