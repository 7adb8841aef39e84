import ProbotCore
import Testing

struct ModelOutputParserTests {
    @Test func parsesStrictOutput() throws {
        let review = try ModelOutputParser.parse(
            #"{"summary":"Adds coupons.","findings":[{"path":"a.swift","line":12,"start_line":null,"side":"RIGHT","severity":"major","title":"Float money","body":"Use Decimal.","suggestion":"let x: Decimal = 0"}]}"#
        )
        #expect(review.summary == "Adds coupons.")
        #expect(
            review.findings == [
                Finding(
                    path: "a.swift", line: 12, severity: .major, title: "Float money", body: "Use Decimal.",
                    suggestion: "let x: Decimal = 0")
            ])
    }

    @Test func toleratesFencesProseAndLooseTypes() throws {
        let text = """
            Here is my review:
            ```json
            {"findings": [{"path": "/b.py", "line": "7", "side": "left", "severity": "CRITICAL", "title": "SQL injection", "body": "Use parameters.", "suggestion": ""}]}
            ```
            """
        let review = try ModelOutputParser.parse(text)
        #expect(review.findings.count == 1)
        let finding = review.findings[0]
        #expect(finding.path == "b.py")
        #expect(finding.line == 7)
        #expect(finding.side == .left)
        #expect(finding.severity == .critical)
        #expect(finding.suggestion == nil)
    }

    @Test func oneBadFindingDoesNotSinkTheOthers() throws {
        let review = try ModelOutputParser.parse(
            #"{"summary":"","findings":[{"path":"a","line":0,"title":"t","body":"b"},{"line":3,"title":"t"},{"path":"c","line":3,"title":"ok","body":"fine"},42]}"#
        )
        #expect(review.findings.map(\.path) == ["c"])
        #expect(review.unreadable.count == 3)
        #expect(review.unreadable[0].contains("line"))
        #expect(review.unreadable[1].contains("path"))
    }

    @Test func notJSONIsAClearError() {
        #expect(throws: ModelOutputError.notJSON(excerpt: "I think the code looks fine.")) {
            try ModelOutputParser.parse("I think the code looks fine.")
        }
        #expect(throws: ModelOutputError.wrongShape("no `findings` array")) {
            try ModelOutputParser.parse(#"{"summary": "ok"}"#)
        }
    }
}
