/// The strict JSON schema the model must answer with (`response_format: json_schema`).
///
/// Strict mode needs every property listed in `required` and `additionalProperties: false` on every object;
/// optional fields are nullable instead.
package enum ReviewSchema {
    /// The schema's name, `[A-Za-z0-9_-]{1,64}`.
    package static let name = "code_review"

    /// The schema.
    package static let schema: JSONValue = .object([
        "type": .string("object"),
        "additionalProperties": .bool(false),
        "required": .array([.string("summary"), .string("files"), .string("findings")]),
        "properties": .object([
            "summary": .object([
                "type": .string("string"),
                "description": .string("Two to five sentences on what the change does and its overall risk."),
            ]),
            "files": .object([
                "type": .string("array"),
                "description": .string("One entry per file shown: what changed in it, in one line."),
                "items": .object([
                    "type": .string("object"),
                    "additionalProperties": .bool(false),
                    "required": .array([.string("path"), .string("change")]),
                    "properties": .object([
                        "path": .object(["type": .string("string")]),
                        "change": .object([
                            "type": .string("string"), "description": .string("One line, under 120 characters."),
                        ]),
                    ]),
                ]),
            ]),
            "findings": .object([
                "type": .string("array"),
                "items": finding,
            ]),
        ]),
    ])

    private static let finding: JSONValue = .object([
        "type": .string("object"),
        "additionalProperties": .bool(false),
        "required": .array(
            ["path", "line", "start_line", "side", "severity", "title", "body", "suggestion", "identifiers"].map(
                JSONValue.string)),
        "properties": .object([
            "path": .object([
                "type": .string("string"), "description": .string("File path exactly as in the diff header."),
            ]),
            "line": .object([
                "type": .string("integer"),
                "description": .string("Last line of the issue: the number shown before the line in the diff."),
            ]),
            "start_line": .object([
                "type": .array([.string("integer"), .string("null")]),
                "description": .string("First line of a multi-line issue in the same hunk, else null."),
            ]),
            "side": .object([
                "type": .string("string"), "enum": .array([.string("RIGHT"), .string("LEFT")]),
                "description": .string(
                    "RIGHT for added or context lines (new numbers), LEFT for deleted lines (old numbers)."),
            ]),
            "severity": .object([
                "type": .string("string"),
                "enum": .array(Severity.allCases.map { .string($0.rawValue) }),
            ]),
            "title": .object(["type": .string("string"), "description": .string("One line, under 80 characters.")]),
            "body": .object([
                "type": .string("string"), "description": .string("Why it matters and how to fix it; Markdown."),
            ]),
            "suggestion": .object([
                "type": .array([.string("string"), .string("null")]),
                "description": .string(
                    "Exact replacement text for lines start_line..line (or line), without diff markers or line numbers; null when none."
                ),
            ]),
            "identifiers": .object([
                "type": .string("array"),
                "items": .object(["type": .string("string")]),
                "description": .string(
                    "Names in the code shown that the finding is about (functions, types, variables, constants), exactly as written there; never a name absent from the code shown. May be empty."
                ),
            ]),
        ]),
    ])
}
