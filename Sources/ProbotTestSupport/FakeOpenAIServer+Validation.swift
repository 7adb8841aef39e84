import Foundation

/// Checks request bodies as OpenAI does: required fields, `max_tokens` refused for current models, and strict
/// structured-output schemas (every object closed, every property required).
extension FakeOpenAIServer {
    struct Problem: Error {
        var code: String?
        var param: String?
        var message: String
    }

    func validate(_ json: [String: Any], legacyAllowed: Bool) -> Result<Call, Problem> {
        guard let model = json["model"] as? String, !model.isEmpty else {
            return .failure(Problem(code: nil, param: "model", message: "you must provide a model parameter"))
        }
        if json["max_tokens"] != nil && !legacyAllowed {
            return .failure(
                Problem(
                    code: "unsupported_parameter", param: "max_tokens",
                    message:
                        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead."
                ))
        }
        guard let rawMessages = json["messages"] as? [[String: Any]], !rawMessages.isEmpty else {
            return .failure(Problem(code: nil, param: "messages", message: "'messages' must be a non-empty array"))
        }
        var messages: [(String, String)] = []
        for (index, message) in rawMessages.enumerated() {
            guard let role = message["role"] as? String, ["system", "developer", "user", "assistant"].contains(role),
                let content = message["content"] as? String
            else {
                return .failure(
                    Problem(code: nil, param: "messages[\(index)]", message: "Invalid message at messages[\(index)]"))
            }
            messages.append((role, content))
        }
        let maxCompletion = json["max_completion_tokens"] as? Int ?? (legacyAllowed ? json["max_tokens"] as? Int : nil)
        if let maxCompletion, maxCompletion < 1 {
            return .failure(
                Problem(code: nil, param: "max_completion_tokens", message: "max_completion_tokens must be at least 1"))
        }
        let temperature = json["temperature"] as? Double
        if let temperature, !(0...2).contains(temperature) {
            return .failure(Problem(code: nil, param: "temperature", message: "temperature must be between 0 and 2"))
        }
        var formatType: String?
        if let format = json["response_format"] as? [String: Any] {
            formatType = format["type"] as? String
            if formatType == "json_schema" {
                guard let wrapper = format["json_schema"] as? [String: Any], let name = wrapper["name"] as? String,
                    name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil
                else {
                    return .failure(
                        Problem(
                            code: nil, param: "response_format", message: "Invalid 'response_format.json_schema.name'"))
                }
                if wrapper["strict"] as? Bool == true, let schema = wrapper["schema"] {
                    if let problem = Self.strictProblem(schema, path: "schema") {
                        return .failure(
                            Problem(
                                code: nil, param: "response_format",
                                message: "Invalid schema for response_format '\(name)': \(problem)"))
                    }
                }
            } else if formatType != "json_object" && formatType != "text" {
                return .failure(
                    Problem(
                        code: nil, param: "response_format.type", message: "Invalid value for 'response_format.type'"))
            }
        }
        return .success(
            Call(
                model: model, messages: messages, maxCompletionTokens: maxCompletion, temperature: temperature,
                responseFormatType: formatType))
    }

    /// The first strict-mode violation in `schema`, with OpenAI's wording.
    static func strictProblem(_ schema: Any, path: String) -> String? {
        guard let object = schema as? [String: Any] else { return nil }
        let types = (object["type"] as? String).map { [$0] } ?? (object["type"] as? [String] ?? [])
        if types.contains("object") {
            guard object["additionalProperties"] as? Bool == false else {
                return "In context=(\(path)), 'additionalProperties' is required to be supplied and to be false."
            }
            let properties = object["properties"] as? [String: Any] ?? [:]
            let required = Set(object["required"] as? [String] ?? [])
            if let missing = properties.keys.sorted().first(where: { !required.contains($0) }) {
                return
                    "In context=(\(path)), 'required' is required to be supplied and to be an array including every key in properties. Missing '\(missing)'."
            }
            for key in properties.keys.sorted() {
                if let problem = strictProblem(properties[key] as Any, path: "\(path), 'properties', '\(key)'") {
                    return problem
                }
            }
        }
        if let items = object["items"] { return strictProblem(items, path: "\(path), 'items'") }
        return nil
    }
}
