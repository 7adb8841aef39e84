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

/// A thread reply's answer: `{reply, concede, learning}` (``ThreadReplyPrompt/schema``).
package struct ThreadReplyAnswer: Sendable, Equatable, Decodable {
    /// A rule the team taught, proposed when the answer concedes because a person explained the finding away.
    package struct Proposal: Sendable, Equatable, Decodable {
        /// The rule in one line, in the team's words.
        package var rule: String
        /// A glob of the files the rule applies to; checked by ``LearningScope``.
        package var scope: String

        /// Memberwise initialiser.
        package init(rule: String, scope: String) {
            self.rule = rule
            self.scope = scope
        }
    }

    /// The reply's Markdown.
    package var reply: String
    /// Whether the reply concedes the finding, which resolves the thread.
    package var concede: Bool
    /// The rule to remember, or `nil` (also when an older answer leaves the field out).
    package var learning: Proposal?
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
