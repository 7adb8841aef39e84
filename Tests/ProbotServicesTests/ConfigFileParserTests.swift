import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The configuration file: a complete example, every validation error with its place, and agreement with the
/// published JSON Schema (the same fixtures are checked against the schema by `.ci/run`).
struct ConfigFileParserTests {
    static let path = ".github/chatgpt-probot.yml"

    static func problems(_ text: String) -> [ConfigProblem] {
        do {
            _ = try ConfigFileParser.parse(text, path: path)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aCompleteFileParses() throws {
        let config = try ConfigFileParser.parse(
            try Fixture.text("config/valid-complete.yml", in: .module), path: Self.path)
        #expect(config.instructions == "Prefer small, focused comments.")
        #expect(config.pathInstructions.map(\.path) == ["migrations/**", "Tests/**"])
        #expect(config.include == ["Sources/**", "migrations/**", "Tests/**"])
        #expect(config.exclude == ["**/*.generated.swift"])
        #expect(config.minSeverity == .major)
        #expect(config.language == "German")
        #expect(config.reviewGenerated == false)
        #expect(config.agentInstructions == false)
        #expect(
            config.skip
                == SkipRules(
                    labels: ["no-ai-review"], titleKeywords: ["[skip review]", "WIP"],
                    authors: ["dependabot[bot]", "renovate[bot]"]))
        #expect(try ConfigFileParser.parse("", path: Self.path) == RepositoryConfig())
        #expect(try ConfigFileParser.parse("# only a comment\n", path: Self.path) == RepositoryConfig())
    }

    @Test func everyProblemIsReportedTogetherWithItsLineAndColumn() {
        let problems = Self.problems(
            """
            instructions: [not, a, string]
            path_instructions:
              - path: "Sources/[ab]/**"
                instructions: x
                note: y
              - instructions: missing path
            include: "Sources/**"
            exclude: ["", ok/**]
            min_severity: high
            language: {a: b}
            skip:
              label: [x]
              authors: someone
            colour: blue
            """)
        let lines = problems.map { "\($0.line):\($0.column) \($0.message)" }
        #expect(problems.count == 11, "\(lines)")
        #expect(lines.contains("1:15 `instructions` must be a string"))
        #expect(lines.contains { $0.hasPrefix("3:11 glob pattern \"Sources/[ab]/**\" uses brackets") })
        #expect(lines.contains { $0.hasPrefix("5:5 unknown key `note` in `path_instructions`") })
        #expect(lines.contains("6:5 a `path_instructions` entry needs `path`"))
        #expect(lines.contains("7:10 `include` must be a list of glob patterns"))
        #expect(lines.contains("8:11 a glob pattern must not be empty"))
        #expect(lines.contains("9:15 `min_severity` must be one of critical, major, minor, nit (got \"high\")"))
        #expect(lines.contains("10:11 `language` must be a string"))
        #expect(lines.contains { $0.hasPrefix("12:3 unknown key `label` in `skip`") })
        #expect(lines.contains("13:12 `skip.authors` must be a list of strings"))
        #expect(lines.contains { $0.hasPrefix("14:1 unknown key `colour`; known keys:") })
    }

    @Test func booleansTakeTrueOrFalseOnly() throws {
        let parsed = try ConfigFileParser.parse("review_generated: TRUE\nagent_instructions: false\n", path: Self.path)
        #expect(parsed.reviewGenerated == true)
        #expect(parsed.agentInstructions == false)
        let lines = Self.problems("review_generated: \"true\"\nagent_instructions: 1\n").map {
            "\($0.line):\($0.column) \($0.message)"
        }
        #expect(
            lines == [
                "1:19 `review_generated` must be true or false", "2:21 `agent_instructions` must be true or false",
            ])
    }

    @Test func aSyntaxErrorNamesItsPlace() {
        let problems = Self.problems("instructions: [unclosed\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("not valid YAML") == true)
        #expect(problems.first?.line == 2)
    }

    /// The fixtures `.ci/run` validates against the schema: `valid-*` must parse, `invalid-*` must not.
    static let fixtures = (try? Fixture.names(in: "config", suffix: ".yml", bundle: .module)) ?? []

    @Test func theFixturesAreFound() {
        #expect(Self.fixtures.count >= 9)
    }

    @Test(arguments: fixtures) func theParserAgreesWithTheFixtureName(_ name: String) throws {
        let problems = Self.problems(try Fixture.text("config/\(name)", in: .module))
        #expect(problems.isEmpty == name.hasPrefix("valid-"), "\(problems)")
    }

    @Test func theShippedExampleParses() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/chatgpt-probot.yml")
        let config = try ConfigFileParser.parse(try String(contentsOf: url, encoding: .utf8), path: Self.path)
        #expect(config.skip.labels == ["no-ai-review"])
    }

    @Test func theSchemaListsExactlyTheKeysTheParserKnows() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schemas/chatgpt-probot.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ConfigFileParser.topLevelKeys)
        let entry = try #require(
            ((properties["path_instructions"] as? [String: Any])?["items"] as? [String: Any])?["properties"]
                as? [String: Any])
        #expect(Set(entry.keys) == ConfigFileParser.pathInstructionKeys)
        let skip = try #require((properties["skip"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(skip.keys) == ConfigFileParser.skipKeys)
        let severities = try #require((properties["min_severity"] as? [String: Any])?["enum"] as? [String])
        #expect(severities == Severity.allCases.map(\.rawValue))
    }

    /// The workspace loader: no file is an empty configuration; `examples_file` is read from beside it, and a
    /// missing one is a configuration error naming it.
    @Test func theExamplesFileIsReadWithTheConfiguration() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".github"), withIntermediateDirectories: true)
        let loader = WorkspaceConfigLoader(workspace: root, path: Self.path)
        #expect(try await loader.load(at: "").found == false)

        try "examples_file: .github/examples.yml\n".write(
            to: root.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
        do {
            _ = try await loader.load(at: "")
            Issue.record("a missing examples file must be an error")
        } catch let error as ConfigError {
            #expect(error.problems.map(\.message) == ["`examples_file` .github/examples.yml does not exist"])
        }

        let examples = """
            examples:
              - path: app/db.py
                diff: |
                  @@ -1,1 +1,1 @@
                  -q = "SELECT * FROM t WHERE id = %s" % id
                  +q = "SELECT * FROM t WHERE id = " + id
                findings:
                  - line: 1
                    severity: critical
                    title: SQL injection
                    body: Pass the id as a query parameter.
            """
        try examples.write(
            to: root.appendingPathComponent(".github/examples.yml"), atomically: true, encoding: .utf8)
        let loaded = try await loader.load(at: "")
        #expect(loaded.found)
        #expect(loaded.examples.count == 2)
        #expect(loaded.examples.last?.content.contains("SQL injection") == true)
    }
}
