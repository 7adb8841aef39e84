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

    static let priceInputs = ["price-input-per-million", "price-output-per-million"]

    /// Values `Double` parses but that are no price: each is refused as a problem with that input.
    @Test(
        arguments: priceInputs, ["1e400", "1e308", "inf", "-inf", "nan", "-1", "1000000.5", "1e7", "cheap", "0x1p80"])
    func absurdPricesAreRefused(_ input: String, _ value: String) {
        #expect(throws: InputError(problems: [InputProblem(input: input, Self.priceMessage(input, value))])) {
            try ProbotInputs.parse(environment(["github-token": "t", "dry-run": "true", input: value]))
        }
    }

    private static func priceMessage(_ input: String, _ value: String) -> String {
        "`\(input)` must be a price from 0 to 1,000,000 US dollars per million tokens (got \"\(value)\")"
    }

    @Test(arguments: [("0", 0.0), ("-0", 0.0), ("2.5", 2.5), ("1000000", 1_000_000.0), ("1e-3", 0.001)])
    func realisticPricesAreAccepted(_ value: String, _ expected: Double) throws {
        let inputs = try ProbotInputs.parse(
            environment([
                "github-token": "t", "dry-run": "true", "price-input-per-million": value,
                "price-output-per-million": value,
            ]))
        #expect(inputs.priceInputPerMillion == expected)
        #expect(inputs.priceOutputPerMillion == expected)
        #expect(inputs.priceInputPerMillion?.sign == .plus)
    }

    @Test func problemsNameTheirInput() {
        let (_, problems) = ProbotInputs.read(
            environment(["dry-run": "true", "max-comments": "many", "price-input-per-million": "inf"]))
        #expect(InputError(problems: problems).inputs == ["price-input-per-million", "max-comments", "github-token"])
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
