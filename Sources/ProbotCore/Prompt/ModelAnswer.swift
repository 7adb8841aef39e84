import Foundation

/// Decodes a model's structured answer into the type its strict schema describes (not by dictionary key).
package enum ModelAnswer {
    /// The first JSON object in `content` (code fences and prose around it ignored) as `T`, or `nil`.
    package static func decode<T: Decodable>(_ type: T.Type, from content: String?) -> T? {
        guard let object = ModelOutputParser.extractObject(content ?? ""),
            let data = try? JSONEncoder().encode(object)
        else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }
}

/// A thread reply's answer: `{reply, concede}` (``ThreadReplyPrompt/schema``).
package struct ThreadReplyAnswer: Sendable, Equatable, Decodable {
    /// The reply's Markdown.
    package var reply: String
    /// Whether the reply concedes the finding, which resolves the thread.
    package var concede: Bool
}

/// A fix check's answer: `{results: [{id, fixed}]}` (``FixVerifier/schema``).
package struct FixCheckAnswer: Sendable, Equatable, Decodable {
    /// One verdict per thread.
    package struct Result: Sendable, Equatable, Decodable {
        package var id: String
        package var fixed: Bool
    }

    package var results: [Result]
}
