import ProbotCore
import ProbotTestSupport
import Synchronization
import Testing

/// Holds every arrival until `expected` reads have arrived, then lets them all go: reads made one after another
/// never get past the first.
private final class Rendezvous: Sendable {
    private let state = Mutex<(arrived: [String], waiting: [CheckedContinuation<Void, Never>])>(([], []))
    let expected: Int

    init(expected: Int) { self.expected = expected }

    /// Waits until `expected` reads (this one included) have arrived.
    func arrive(_ name: String) async {
        await withCheckedContinuation { continuation in
            let released = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.arrived.append(name)
                state.waiting.append(continuation)
                guard state.arrived.count >= expected else { return [] }
                defer { state.waiting = [] }
                return state.waiting
            }
            for waiter in released { waiter.resume() }
        }
    }

    var arrived: [String] { state.withLock { $0.arrived } }
}

/// The base's files: no configuration, `.gitattributes` and `AGENTS.md`, each read through the rendezvous.
private struct GatedRepository: RepositoryConfigLoader {
    let gate: Rendezvous

    func load(at commit: String) async throws -> LoadedConfig {
        LoadedConfig(path: ".github/chatgpt-probot.yml", found: false)
    }

    func gitAttributesText(at commit: String) async throws -> String? {
        await gate.arrive("attributes")
        return "gen/** linguist-generated\n"
    }

    func repositoryFileTexts(_ paths: [String], at commit: String) async throws -> [String: String]? {
        await gate.arrive("agent instructions")
        return ["AGENTS.md": "Prefer early returns."]
    }
}

/// The head's files for the context, read through the rendezvous.
private struct GatedContents: FileContentSource {
    let gate: Rendezvous

    func texts(of files: [ChangedFile], at commit: String) async -> ContentRead {
        await gate.arrive("context")
        return ContentRead(
            texts: Dictionary(uniqueKeysWithValues: files.map { ($0.filename, FileText.text("let a = 1\nlet b = 2")) }))
    }
}

/// The learnings issue, read through the rendezvous; nothing is written on a dry run.
private struct GatedLearnings: LearningStore {
    let gate: Rendezvous

    func read(owner: String, repo: String) async throws -> LearningBook {
        await gate.arrive("learnings")
        return LearningBook(
            issue: 3,
            learnings: [Learning(rule: "Logging is fine here.", scope: "**", findingTitle: "Log", teacher: "m")])
    }

    func record(_ learning: Learning, owner: String, repo: String, in book: LearningBook) async throws -> LearningBook {
        throw InMemoryFailure(what: "learning write")
    }

    func writeBody(_ body: Markdown, owner: String, repo: String, in book: LearningBook) async throws -> Int {
        throw InMemoryFailure(what: "learning write")
    }
}

private struct EmptyHistory: ReviewHistorySource, StickySummaryStore, ChangeComparer {
    func priorBodies(_ ref: PullRequestRef) async throws -> PriorBodies {
        PriorBodies(identity: ActingIdentity(login: "probot[bot]"))
    }
    func upsertSummary(_ ref: PullRequestRef, body: Markdown, existingID: Int?) async throws -> Int { 1 }
    func changedPaths(_ ref: PullRequestRef, base: String, head: String) async throws -> [String]? { nil }
}

/// The reads between the rules and the plan (attributes, agent instructions, learnings, context) need only the
/// rules, so they are in flight together: on GitHub each is a round trip, and one after another they cost a
/// round trip each before the first model call.
struct PreparedReadsTests {
    @Test func theReadsBeforeThePlanAreInFlightTogether() async throws {
        let gate = Rendezvous(expected: 4)
        let files = [
            ChangedFile(
                filename: "Sources/Shop.swift", status: "modified",
                patch: "@@ -1,2 +1,2 @@\n let a = 1\n-let b = 3\n+let b = 2"),
            ChangedFile(filename: "gen/Model.swift", status: "modified", patch: "@@ -1 +1 @@\n-x\n+y"),
        ]
        let github = InMemoryGitHub(pullRequest: ReviewPipelineTests.pullRequest(), files: files)
        let inputs = ProbotInputs(openAIAPIKey: "k", dryRun: true)
        let history = EmptyHistory()
        var pipeline = ReviewPipeline(
            source: github, publisher: github,
            memory: ReviewMemory(
                history: history, summaries: history, comparer: history, learnings: GatedLearnings(gate: gate)),
            engine: ReviewEngine(
                profile: inputs.modelProfile, settings: inputs.reviewSettings, counter: HeuristicTokenCounter(),
                model: ScriptedChatModel.neverAsked, console: SilentConsole()),
            config: GatedRepository(gate: gate), contents: GatedContents(gate: gate))
        pipeline.symbols = nil
        let run = pipeline
        let report = await withDeadline(.seconds(20)) { try? await run.run(ReviewPipelineTests.ref) }
        guard let report = report ?? nil else {
            Issue.record("the reads waited for one another: only \(gate.arrived) arrived")
            return
        }
        #expect(Set(gate.arrived) == ["attributes", "agent instructions", "learnings", "context"])
        // What each read brought is used: the generated file is skipped, the rest is planned with its context,
        // the instructions and the learning.
        #expect(report.skippedFiles.contains { $0.path == "gen/Model.swift" && $0.reason.isGenerated })
        #expect(report.plan.batches.flatMap(\.paths) == ["Sources/Shop.swift"])
        #expect(report.agentInstructions.root.map(\.path) == ["AGENTS.md"])
        #expect(report.learningsApplied.map(\.rule) == ["Logging is fine here."])
        #expect(report.contextGaps.isEmpty)
    }
}
