import Foundation
import ProbotCore
import ProbotServices
import ProbotTestSupport
import Testing

/// The symbol index built by a real ctags run on a checked-out workspace, and the declaration it brings from
/// another file into the model's request.
struct SymbolIndexIntegrationTests {
    static let head = ActionRunTests.headSHA

    static let coupon = [
        "import Foundation", "", "func applyDiscount(_ total: Decimal,",
        "                   rate: Decimal) -> Decimal {",
        "    total * rate", "}", "",
    ].joined(separator: "\n")

    /// The change calls a function declared only in `Sources/Coupon.swift`.
    static let patch =
        "@@ -24,5 +24,5 @@\n         let step18 = compute(18)\n         let step19 = compute(19)\n-        let step20 = compute(20)\n+        let step20 = applyDiscount(compute(20), rate: 2)\n         return sum\n     }"

    static func workspace(atHead: Bool) throws -> TemporaryDirectory {
        let workspace = try TemporaryDirectory()
        let git = workspace.url.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        let commit = atHead ? Self.head : "0123456789abcdef0123456789abcdef01234567"
        try "\(commit)\n".write(to: git.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
        let sources = workspace.url.appendingPathComponent("Sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let checkout = ContextIntegrationTests.source.replacingOccurrences(
            of: "let step20 = compute(20)", with: "let step20 = applyDiscount(compute(20), rate: 2)")
        try checkout.write(to: sources.appendingPathComponent("Checkout.swift"), atomically: true, encoding: .utf8)
        try Self.coupon.write(to: sources.appendingPathComponent("Coupon.swift"), atomically: true, encoding: .utf8)
        // Options files in the checkout are never read: this one would hide every Swift file and write elsewhere.
        let options = workspace.url.appendingPathComponent(".ctags.d")
        try FileManager.default.createDirectory(at: options, withIntermediateDirectories: true)
        try "--exclude=*.swift\n-f\n\(workspace.url.path)/written-by-ctags\n".write(
            to: options.appendingPathComponent("evil.ctags"), atomically: true, encoding: .utf8)
        // A link out of the workspace is never followed.
        try FileManager.default.createSymbolicLink(
            at: sources.appendingPathComponent("Escape.swift"), withDestinationURL: URL(fileURLWithPath: "/etc/hosts"))
        return workspace
    }

    static func run(
        _ workspace: TemporaryDirectory, _ extra: [String: String] = [:], path: String? = nil
    ) async throws -> (prompt: String, summary: String, report: RunReport?) {
        try await withFakes(script: ContextIntegrationTests.quiet) { github, openAI in
            github.addPullRequest(
                number: 42, headSHA: Self.head, files: [("Sources/Checkout.swift", "modified", Self.patch)])
            var harness = try ContextIntegrationTests.harness(github, openAI, extra)
            harness.environment["GITHUB_WORKSPACE"] = workspace.url.path
            if let path { harness.environment["PATH"] = path }
            let report = try await harness.run()
            return (openAI.calls.map(\.userText).joined(), harness.summary, report)
        }
    }

    @Test(.enabled(if: ChildProcess.find("ctags", searchPath: nil) != nil, "needs universal-ctags"))
    func theModelSeesTheDeclarationFromAnotherFile() async throws {
        let workspace = try Self.workspace(atHead: true)
        let (prompt, summary, report) = try await Self.run(workspace)
        #expect(
            prompt.contains(
                "Declaration of applyDiscount (function) at Sources/Coupon.swift:3\n=3: func applyDiscount(_ total: Decimal,\n=4:                    rate: Decimal) -> Decimal {\n"
            ), "\(prompt)")
        #expect(!prompt.contains("=5:"), "the body is not part of the signature")
        // The README's example: the widened header covers the scope above and the line below.
        #expect(prompt.contains("@@ -6,24 +6,24 @@\n~6:     func total(coupon: Coupon?) -> Decimal {\n"))
        #expect(prompt.contains("+26:         let step20 = applyDiscount(compute(20), rate: 2)\n"))
        #expect(prompt.contains(RelatedRenderer.heading))
        let status = try #require(report?.symbolIndex)
        #expect(status.notes.isEmpty)
        #expect(status.files == 2, "the link to /etc/hosts is not indexed")
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("written-by-ctags").path))
        #expect(summary.contains("| Symbol index | "))
        #expect(summary.contains("· 1 related snippet(s) sent |"))
    }

    @Test func withoutACheckoutTheSummarySaysHowToGetOne() async throws {
        let workspace = try Self.workspace(atHead: false)
        let (prompt, summary, report) = try await Self.run(workspace)
        #expect(!prompt.contains(RelatedRenderer.heading))
        #expect(report?.symbolIndex?.notes == [.noCheckout])
        #expect(summary.contains("not built: the workspace does not hold the pull request's head or merge commit"))
        #expect(summary.contains("`ref: ${{ github.event.pull_request.head.sha }}`"))
        #expect(summary.contains("never executes checked-out code"))
    }

    @Test func theInputTurnsItOff() async throws {
        let workspace = try Self.workspace(atHead: true)
        let (prompt, summary, report) = try await Self.run(workspace, ["symbol-index": "false"])
        #expect(!prompt.contains(RelatedRenderer.heading))
        #expect(report?.symbolIndex?.notes == [.disabled])
        #expect(summary.contains("| Symbol index | off (`symbol-index: false`) |"))
    }

    @Test func noCtagsIsANoteNotAFailure() async throws {
        let workspace = try Self.workspace(atHead: true)
        let (_, summary, report) = try await Self.run(workspace, path: "/nonexistent")
        #expect(report?.failure == nil)
        #expect(report?.symbolIndex?.notes == [.noCtags])
        #expect(summary.contains("no `ctags` on the `PATH`"))
    }
}
