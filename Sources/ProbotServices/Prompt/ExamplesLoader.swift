package import Foundation
package import ProbotCore
import Yams

/// Reads the `examples-file` (YAML or JSON) of example diffs and the findings expected for them, and turns each
/// into a prior conversation turn: the diff as the user's message, the findings as the assistant's JSON answer.
///
/// ```yaml
/// examples:
///   - path: app/db.py
///     diff: |
///       @@ -1,2 +1,2 @@
///       -q = "SELECT * FROM t WHERE id = %s" % id
///       +q = "SELECT * FROM t WHERE id = " + id
///     findings:
///       - line: 1
///         severity: critical
///         title: SQL injection
///         body: Pass the id as a query parameter.
/// ```
package enum ExamplesLoader {
    /// Why the examples file cannot be used.
    package struct LoadError: Error, Equatable, CustomStringConvertible {
        package var message: String
        /// Set when the file was not read because its path leads outside the workspace.
        package var pathError: WorkspacePathError?

        /// A problem in words; `pathError` when the path was refused.
        package init(message: String, pathError: WorkspacePathError? = nil) {
            self.message = message
            self.pathError = pathError
        }

        package var description: String { "`examples-file`: \(message)" }
    }

    private struct File: Decodable {
        struct Example: Decodable {
            var path: String
            var diff: String
            var summary: String?
            /// The example's one line on what changed in the file, for the walkthrough.
            var change: String?
            var findings: [ExampleFinding]
        }
        struct ExampleFinding: Decodable {
            var line: Int
            var startLine: Int?
            var side: String?
            var severity: String?
            var title: String
            var body: String?
            var suggestion: String?
            /// Names from the example's diff the finding is about (shown to the model as `identifiers`).
            var identifiers: [String]?
            enum CodingKeys: String, CodingKey {
                case line, side, severity, title, body, suggestion, identifiers
                case startLine = "start_line"
            }
        }
        var examples: [Example]
    }

    /// Loads `path`, relative to `workspace` and confined to it (``ConfinedWorkspace``).
    /// - Throws: ``LoadError`` when the path leads outside the workspace, the file is missing, or it is malformed.
    package static func load(_ path: String, workspace: URL, builder: PromptBuilder) throws(LoadError) -> [ChatMessage]
    {
        let data: Data?
        do throws(WorkspacePathError) {
            data = try ConfinedWorkspace(root: workspace).contents(path)
        } catch {
            throw LoadError(message: error.description, pathError: error)
        }
        guard let data else {
            throw LoadError(
                message: "cannot read \(path); paths are relative to the workspace, so check out the repository first")
        }
        return try parse(data, isJSON: path.lowercased().hasSuffix(".json"), builder: builder)
    }

    /// Parses an examples file's contents (JSON when `isJSON`, else YAML) into few-shot turns.
    package static func parse(_ data: Data, isJSON: Bool, builder: PromptBuilder) throws(LoadError) -> [ChatMessage] {
        let file: File
        do {
            if isJSON {
                file = try JSONDecoder().decode(File.self, from: data)
            } else {
                file = try YAMLDecoder().decode(File.self, from: data)
            }
        } catch let error as DecodingError {
            throw LoadError(message: error.humanDescription)
        } catch {
            throw LoadError(message: String(describing: error))
        }
        var messages: [ChatMessage] = []
        for (index, example) in file.examples.enumerated() {
            let hunks: [Hunk]
            do {
                hunks = try PatchParser.parse(example.diff)
            } catch {
                throw LoadError(message: "example \(index + 1) (\(example.path)): \(error.description)")
            }
            let diff = FileDiff(path: example.path, hunks: hunks)
            var findings: [Finding] = []
            for finding in example.findings {
                guard let severity = Severity(rawValue: (finding.severity ?? "minor").lowercased()) else {
                    throw LoadError(message: "example \(index + 1): severity must be critical, major, minor or nit")
                }
                guard let side = DiffSide(rawValue: (finding.side ?? "RIGHT").uppercased()) else {
                    throw LoadError(message: "example \(index + 1): side must be RIGHT or LEFT")
                }
                findings.append(
                    Finding(
                        path: example.path, line: finding.line, startLine: finding.startLine, side: side,
                        severity: severity, title: finding.title, body: finding.body ?? "",
                        suggestion: finding.suggestion, identifiers: finding.identifiers ?? []))
            }
            // An example must not teach the model to cite names its diff does not show.
            let shown = ShownCode(sections: [DiffRenderer.render(file: diff, hunks: hunks)])
            for finding in findings {
                if let missing = ClaimVerifier().missingNames(finding, shown: shown).first {
                    throw LoadError(
                        message:
                            "example \(index + 1) (\(example.path)): `\(missing)` in `identifiers` is not in its diff")
                }
            }
            // The example answer is encoded by the answer type, so it has every key the strict schema requires.
            let answer = ReviewAnswer(
                summary: example.summary ?? "", files: [FileChange(path: example.path, change: example.change ?? "")],
                findings: findings)
            let json = answer.json()
            messages.append(.user(builder.userMessage(sections: [DiffRenderer.render(file: diff, hunks: hunks)])))
            messages.append(ChatMessage(role: "assistant", content: json))
        }
        return messages
    }
}
