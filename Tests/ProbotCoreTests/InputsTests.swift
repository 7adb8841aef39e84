import Foundation
import ProbotCore
import Testing

struct InputsTests {
    private func environment(_ inputs: [String: String]) -> ActionEnvironment {
        var variables: [String: String] = [:]
        for (name, value) in inputs { variables[ActionEnvironment.variableName(forInput: name)] = value }
        return ActionEnvironment(variables)
    }

    @Test func inputNamesKeepHyphensAndUpperCase() {
        #expect(ActionEnvironment.variableName(forInput: "openai-api-key") == "INPUT_OPENAI-API-KEY")
        #expect(ActionEnvironment.variableName(forInput: "pr number") == "INPUT_PR_NUMBER")
    }

    @Test func defaultsApplyWhenInputsAreEmptyStrings() throws {
        let inputs = try ProbotInputs.parse(
            environment([
                "github-token": "ghs_x", "openai-api-key": "sk-abc", "model": "", "max-comments": "  ", "dry-run": "",
            ]))
        #expect(inputs.model == "gpt-4.1-mini")
        #expect(inputs.maxComments == 25)
        #expect(inputs.maxConcurrency == 4)
        #expect(inputs.minSeverity == .minor)
        #expect(inputs.failOn == .none)
        #expect(inputs.dryRun == false)
        #expect(inputs.openAIBaseURL == nil)
        #expect(ModelEndpoint.resolve(inputs).url.absoluteString == "https://api.openai.com/v1/chat/completions")
    }

    @Test func valuesAreTrimmedAndListsSplitOnCommasAndNewlines() throws {
        let inputs = try ProbotInputs.parse(
            environment([
                "github-token": "ghs_x", "openai-api-key": "  sk-abc \n", "include": "src/**, lib/*.swift\n\n tests/**",
                "exclude": "docs/**", "min-severity": "MAJOR", "fail-on": "critical",
            ]))
        #expect(inputs.openAIAPIKey == "sk-abc")
        #expect(inputs.include == ["src/**", "lib/*.swift", "tests/**"])
        #expect(inputs.exclude == ["docs/**"])
        #expect(inputs.minSeverity == .major)
        #expect(inputs.failOn == .critical)
    }

    @Test(arguments: ["true", "True", "TRUE"]) func booleansAcceptGitHubSpellingsOfTrue(_ value: String) throws {
        let inputs = try ProbotInputs.parse(environment(["github-token": "t", "dry-run": value]))
        #expect(inputs.dryRun)
    }

    @Test func keyIsOptionalOnlyForDryRuns() throws {
        #expect(throws: InputError.self) { try ProbotInputs.parse(environment(["github-token": "t"])) }
        let inputs = try ProbotInputs.parse(environment(["github-token": "t", "dry-run": "true"]))
        #expect(inputs.openAIAPIKey == nil)
    }

    @Test func everyInvalidInputIsReportedTogether() {
        let env = environment([
            "dry-run": "yes", "max-comments": "-1", "max-concurrency": "many", "min-severity": "blocker",
            "fail-on": "sometimes", "openai-base-url": "ftp://example.com", "max-prompt-tokens": "10",
            "include": "src/[ab]/*.swift",
        ])
        do {
            _ = try ProbotInputs.parse(env)
            Issue.record("expected an InputError")
        } catch {
            let text = error.description
            for name in [
                "`dry-run`", "`max-comments`", "`max-concurrency`", "`min-severity`", "`fail-on`", "`openai-base-url`",
                "`max-prompt-tokens`", "brackets", "`openai-api-key`", "`github-token`",
            ] {
                #expect(text.contains(name), "missing \(name) in: \(text)")
            }
            #expect(error.problems.count == 10)
            #expect(text.contains("must be one of critical, major, minor, nit (got \"blocker\")"))
        }
    }
}
