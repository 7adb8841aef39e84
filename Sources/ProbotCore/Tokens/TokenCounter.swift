/// Counts tokens the way the model's tokenizer would (the port behind every budget decision).
package protocol TokenCounter: Sendable {
    /// Tokens in `text` as content of a message.
    func count(_ text: String) -> Int
    /// A short name for reports, e.g. `o200k_base` or `estimate`.
    var name: String { get }
}

extension TokenCounter {
    /// Tokens of a chat request as OpenAI bills them: each message costs its content plus a fixed framing
    /// overhead, and the reply is primed with a few more.
    package func count(messages: [ChatMessage]) -> Int {
        messages.reduce(ChatFraming.replyPriming) { $0 + ChatFraming.perMessage + count($1.content) }
    }
}

/// OpenAI's chat framing costs (tiktoken cookbook, `num_tokens_from_messages` for gpt-4o and later).
package enum ChatFraming {
    /// `<|start|>{role}\n … <|end|>`: role and delimiters per message.
    package static let perMessage = 3
    /// `<|start|>assistant<|message|>` that primes every reply.
    package static let replyPriming = 3
}
