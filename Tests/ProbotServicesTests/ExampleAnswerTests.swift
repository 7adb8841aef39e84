import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The model is shown few-shot answers in exactly the shape its strict schema demands.
struct ExampleAnswerTests {
    static let yaml = """
        examples:
          - path: app/db.py
            summary: Builds a query by string concatenation.
            change: Builds the lookup query from the request id.
            diff: |
              @@ -1,2 +1,2 @@
              -q = "SELECT * FROM t WHERE id = %s" % id
              +q = "SELECT * FROM t WHERE id = " + id
            findings:
              - line: 1
                severity: critical
                title: SQL injection
                body: Pass the id as a query parameter.
                identifiers: [q, id]
              - line: 1
                start_line: 1
                side: left
                title: Old query
                suggestion: q = "SELECT 1"
        """

    @Test func anExampleAnswerValidatesAgainstTheStrictSchema() throws {
        let messages = try ExamplesLoader.parse(Data(Self.yaml.utf8), isJSON: false, builder: PromptBuilder())
        let answers = messages.filter { $0.role == "assistant" }
        #expect(answers.count == 1)
        for answer in answers {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(answer.content.utf8))
            #expect(StrictSchemaValidator.problems(value, against: ReviewSchema.schema) == [])
            // And the parser reads back what the example meant.
            let review = try ModelOutputParser.parse(answer.content)
            #expect(review.findings.map(\.title) == ["SQL injection", "Old query"])
            #expect(review.findings[1].side == .left && review.findings[1].suggestion == "q = \"SELECT 1\"")
            #expect(review.findings.map(\.identifiers) == [["q", "id"], []])
            #expect(
                review.files == [FileChange(path: "app/db.py", change: "Builds the lookup query from the request id.")])
        }
    }

    @Test func anExampleCannotTeachTheModelToCiteANameItsDiffDoesNotShow() {
        let yaml = Self.yaml.replacingOccurrences(of: "identifiers: [q, id]", with: "identifiers: [q, escapeSQL]")
        #expect(throws: ExamplesLoader.LoadError.self) {
            try ExamplesLoader.parse(Data(yaml.utf8), isJSON: false, builder: PromptBuilder())
        }
        do {
            _ = try ExamplesLoader.parse(Data(yaml.utf8), isJSON: false, builder: PromptBuilder())
        } catch {
            #expect(error.message == "example 1 (app/db.py): `escapeSQL` in `identifiers` is not in its diff")
        }
    }

    @Test func theValidatorRefusesWhatStrictModeRefuses() {
        let missingFiles: JSONValue = .object(["summary": .string("s"), "findings": .array([])])
        #expect(!StrictSchemaValidator.problems(missingFiles, against: ReviewSchema.schema).isEmpty)
        let extra: JSONValue = .object([
            "summary": .string("s"), "files": .array([]), "findings": .array([]), "score": .number(1),
        ])
        #expect(!StrictSchemaValidator.problems(extra, against: ReviewSchema.schema).isEmpty)
        let badFinding: JSONValue = .object([
            "summary": .string("s"), "files": .array([]),
            "findings": .array([.object(["path": .string("a"), "line": .number(1.5)])]),
        ])
        #expect(StrictSchemaValidator.problems(badFinding, against: ReviewSchema.schema).count >= 2)
    }
}
