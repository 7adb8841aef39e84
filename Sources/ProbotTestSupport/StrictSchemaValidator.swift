package import ProbotCore

/// Checks a JSON value against the subset of JSON Schema that OpenAI's strict mode uses: `type` (one or a list),
/// `properties`, `required`, `additionalProperties: false`, `items` and `enum`.
package enum StrictSchemaValidator {
    /// Every way `value` breaks `schema`, with its JSON path; empty when it conforms.
    package static func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        var found: [String] = []
        let types = schema["type"].map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue ?? ""] } ?? []
        if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
            return ["\(path): expected \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            found.append("\(path): not one of the allowed values")
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
                found.append("\(path): missing required `\(key)`")
            }
            for (key, child) in object {
                if let property = properties[key] {
                    found += problems(child, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): `\(key)` is not allowed")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                found += problems(item, against: itemSchema, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    private static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("null", .null), ("array", .array), ("object", .object): true
        case ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
