/// One message of a chat request.
package struct ChatMessage: Sendable, Equatable, Codable {
    /// `system`, `developer`, `user` or `assistant`.
    package var role: String
    package var content: String

    /// Memberwise initialiser.
    package init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// A system message.
    package static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    /// A user message.
    package static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
}
