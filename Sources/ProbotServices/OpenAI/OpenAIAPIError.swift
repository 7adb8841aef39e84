import Foundation

/// An error answer from an OpenAI-compatible endpoint: `{"error": {"message", "type", "param", "code"}}`.
package struct OpenAIAPIError: Error, Equatable, CustomStringConvertible {
    package var status: Int
    package var message: String
    package var type: String?
    package var code: String?
    package var param: String?

    package var description: String {
        var text = "OpenAI request failed with \(status)"
        if let code { text += " (\(code))" } else if let type { text += " (\(type))" }
        text += ": \(message)"
        if let hint { text += " \(hint)" }
        return text
    }

    private var hint: String? {
        switch (status, code) {
        case (401, _): "Check `openai-api-key`."
        case (404, _): "Check `model` and `openai-base-url`."
        case (429, "insufficient_quota"): "The account is out of credit; retrying will not help."
        case (400, "context_length_exceeded"): "Lower `max-prompt-tokens`."
        default: nil
        }
    }

    /// A prompt over the context window: OpenAI's `context_length_exceeded`, or the message other servers send
    /// (DeepSeek and others use a generic code, so the text is matched too).
    package var isContextLengthExceeded: Bool {
        guard status == 400 || status == 413 else { return false }
        if code == "context_length_exceeded" { return true }
        let text = message.lowercased()
        return text.contains("maximum context length") || text.contains("context length")
            || text.contains("context window")
    }

    /// Decodes the error envelope, falling back to the raw text.
    package init(response: TransportResponse) {
        status = response.status
        struct Envelope: Decodable {
            struct Body: Decodable {
                var message: String?
                var type: String?
                var code: String?
                var param: String?
            }
            var error: Body?
        }
        let envelope = try? JSONDecoder().decode(Envelope.self, from: response.body)
        struct PlainEnvelope: Decodable { var error: String }
        let plain = try? JSONDecoder().decode(PlainEnvelope.self, from: response.body)
        message = envelope?.error?.message ?? plain?.error ?? String(response.text.prefix(300))
        type = envelope?.error?.type
        code = envelope?.error?.code
        param = envelope?.error?.param
    }
}
