import Foundation
import ProbotCore
import Testing

/// The README's tables and the parser's defaults must match `action.yml`.
struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `name → default` for each entry of the top-level `section` of action.yml (a two-space-indented map).
    static func entries(_ section: String) throws -> [(name: String, defaultValue: String?)] {
        let text = try String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8)
        var result: [(String, String?)] = []
        var inside = false
        for line in text.components(separatedBy: "\n") {
            if !line.hasPrefix(" ") && !line.isEmpty { inside = line == "\(section):" }
            guard inside else { continue }
            if line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(":") {
                result.append((String(line.dropFirst(2).dropLast()), nil))
            } else if line.hasPrefix("    default: "), !result.isEmpty {
                var value = String(line.dropFirst("    default: ".count))
                if value.hasPrefix("\"") && value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                result[result.count - 1].1 = value
            }
        }
        return result
    }

    /// Names in the first column of the README table whose header starts with `header`.
    static func readmeTable(_ header: String) throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: String] = [:]
        var inside = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix(header) {
                inside = true
                continue
            }
            guard inside else { continue }
            guard line.hasPrefix("|") else { if !rows.isEmpty { break } else { continue } }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 2, cells[1].hasPrefix("`") else { continue }
            rows[cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[2]
        }
        return rows
    }

    @Test func everyInputIsDocumentedWithItsDefault() throws {
        let inputs = try Self.entries("inputs")
        let table = try Self.readmeTable("| Input | Default | Meaning |")
        #expect(inputs.count >= 18, "the action.yml reader found too few inputs")
        #expect(Set(table.keys) == Set(inputs.map(\.name)))
        for input in inputs {
            guard let value = input.defaultValue, !value.isEmpty else { continue }
            #expect(
                table[input.name]?.contains("`\(value)`") == true,
                "README default of \(input.name) should show `\(value)`")
        }
    }

    @Test func everyOutputIsDocumented() throws {
        let outputs = try Self.entries("outputs").map(\.name)
        let table = try Self.readmeTable("| Output | Meaning |")
        #expect(Set(table.keys) == Set(outputs))
        let report = RunReport(
            pullRequest: nil, model: "m", modelInfo: ModelCatalog.unknownModel, dryRun: false,
            plan: .empty(counterName: "x"))
        #expect(report.outputs.map(\.name) == outputs)
    }

    @Test func parserDefaultsMatchActionDefaults() throws {
        var variables = ["INPUT_OPENAI-API-KEY": "sk-x", "INPUT_GITHUB-TOKEN": "t"]
        for input in try Self.entries("inputs") where !["github-token", "openai-api-key"].contains(input.name) {
            variables[ActionEnvironment.variableName(forInput: input.name)] = input.defaultValue ?? ""
        }
        let fromDefaults = try ProbotInputs.parse(ActionEnvironment(variables))
        let fromNothing = try ProbotInputs.parse(
            ActionEnvironment(["INPUT_OPENAI-API-KEY": "sk-x", "INPUT_GITHUB-TOKEN": "t"]))
        #expect(fromDefaults == fromNothing)
    }
}
