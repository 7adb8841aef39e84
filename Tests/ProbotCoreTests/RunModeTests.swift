import Foundation
import ProbotCore
import ProbotTestSupport
import Testing

/// Each mode driven directly with in-memory ports and a scripted model, no HTTP: what it reads, its reactions,
/// its dry-run rule, its rule for the repository's configuration, and when it fails the step.
struct RunModeTests {
    static let ref = ReviewPipelineTests.ref
    static let invalid = ConfigError(
        path: ".github/chatgpt-probot.yml", problems: [ConfigProblem(line: 1, column: 1, "unknown key `nope`")])

    static func context(
        _ model: any ChatModel, dryRun: Bool = false, failOn: FailLevel = .none
    ) -> (RunContext, DiagnosticLog) {
        var inputs = ProbotInputs(openAIAPIKey: "k")
        inputs.dryRun = dryRun
        inputs.failOn = failOn
        let log = DiagnosticLog()
        return (
            RunContext(
                profile: inputs.modelProfile, settings: inputs.reviewSettings, counter: HeuristicTokenCounter(),
                model: model, console: SilentConsole(), diagnostics: log, failurePolicy: inputs.failurePolicy),
            log
        )
    }

    static func reviewMode(
        _ context: RunContext, github: InMemoryGitHub, config: StaticConfigLoader = .missing
    ) -> ReviewMode {
        ReviewMode(
            pipeline: ReviewPipeline(source: github, publisher: github, engine: context.engine(), config: config),
            policy: context.failurePolicy)
    }

    static func reviewAnswer() -> ChatCompletion { ReviewPipelineTests.answer(ReviewPipelineTests.onDiff) }

    // MARK: Review

    @Test func aReviewPostsOnceAndPassesWithoutFailOn() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in Self.reviewAnswer() }
        let outcome = await Self.reviewMode(Self.context(model).0, github: github).run(Self.ref, appliesSkipRules: true)
        #expect(outcome.failure == nil)
        #expect(github.drafts.count == 1)
        #expect(outcome.review?.placement.inline.count == 1)
        #expect(model.requests.count == 1)
    }

    @Test func aDryRunReviewPlansWithoutAskingOrPosting() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.reviewMode(Self.context(model, dryRun: true).0, github: github)
            .run(Self.ref, appliesSkipRules: true)
        #expect(outcome.failure == nil)
        #expect(model.requests.isEmpty)
        #expect(github.drafts.isEmpty)
        #expect(outcome.review?.plan.batches.count == 1)
        #expect(outcome.log.count == 1, "the plan is printed at the end of the log")
    }

    @Test func failOnFailsTheStepAndTheSummarySaysWhy() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in Self.reviewAnswer() }
        let outcome = await Self.reviewMode(Self.context(model, failOn: .major).0, github: github)
            .run(Self.ref, appliesSkipRules: true)
        let failure = try #require(outcome.failure)
        guard case .failOn = failure else {
            Issue.record("expected fail-on, got \(failure)")
            return
        }
        #expect(github.drafts.count == 1, "the review is posted before the step fails")
        #expect(outcome.summary.rawValue.contains(MarkdownBuilder.text(failure.description).rawValue))
    }

    @Test func anInvalidConfigurationFailsBeforeAnyModelCall() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.reviewMode(
            Self.context(model).0, github: github, config: StaticConfigLoader(failing: Self.invalid)
        ).run(Self.ref, appliesSkipRules: true)
        #expect(outcome.failure == .invalidConfig(Self.invalid))
        #expect(model.requests.isEmpty)
        #expect(github.drafts.isEmpty)
    }

    @Test func anUnreadableConfigurationWarnsAndTheReviewGoesOn() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in Self.reviewAnswer() }
        let outcome = await Self.reviewMode(
            Self.context(model).0, github: github, config: StaticConfigLoader(failing: InMemoryFailure(what: "read"))
        ).run(Self.ref, appliesSkipRules: true)
        #expect(outcome.failure == nil)
        #expect(github.drafts.count == 1)
        #expect(outcome.annotations.contains { $0.severity == .warning && $0.message.contains("the read failed") })
    }

    @Test func skipRulesApplyOnlyToPullRequestEvents() async throws {
        var config = RepositoryConfig()
        config.skip = SkipRules(titleKeywords: ["shop"])
        let model = ScriptedChatModel { _ in Self.reviewAnswer() }
        let context = Self.context(model).0
        let skippedGitHub = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let skipped = await Self.reviewMode(context, github: skippedGitHub, config: StaticConfigLoader(config))
            .run(Self.ref, appliesSkipRules: true)
        guard case .skipped = skipped.kind else {
            Issue.record("a pull-request event matching a skip rule is skipped")
            return
        }
        #expect(skippedGitHub.drafts.isEmpty)
        let asked = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let reviewed = await Self.reviewMode(context, github: asked, config: StaticConfigLoader(config))
            .run(Self.ref, appliesSkipRules: false)
        #expect(reviewed.review != nil)
        #expect(asked.drafts.count == 1, "a review someone asked for ignores skip rules")
    }

    @Test func everyRequestFailingFailsTheStepWithoutPosting() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in throw InMemoryFailure(what: "model") }
        let outcome = await Self.reviewMode(Self.context(model).0, github: github).run(Self.ref, appliesSkipRules: true)
        guard case .everyRequestFailed? = outcome.failure else {
            Issue.record("expected every request failed, got \(String(describing: outcome.failure))")
            return
        }
        #expect(github.drafts.isEmpty)
    }

    // MARK: Commands

    static func comment(inThread: Bool, base: String? = "base123") -> CommentContext {
        CommentContext(
            number: 7, isPullRequest: true, commentID: 501, author: "octo", title: "Shop changes", body: "",
            diffHunk: inThread ? "@@ -1,2 +1,2 @@\n a\n-b\n+c" : nil, path: inThread ? "Shop.swift" : nil,
            line: inThread ? 2 : nil, threadRootID: inThread ? 400 : nil, baseSHA: base, headSHA: "head123")
    }

    static func commandMode(
        _ context: RunContext, conversation: InMemoryConversation, threads: InMemoryThreadStore,
        github: InMemoryGitHub, config: StaticConfigLoader = .missing
    ) -> CommandMode {
        CommandMode(
            context: context, conversation: conversation, threads: threads, pullRequests: github,
            rules: RepositoryRules(loader: config), contents: nil, review: reviewMode(context, github: github))
    }

    @Test func aCommandIsAcknowledgedAndAnsweredInItsThread() async throws {
        let conversation = InMemoryConversation()
        let threads = InMemoryThreadStore()
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in ChatCompletion(content: "Use a parameter.", usage: .zero) }
        let outcome = await Self.commandMode(
            Self.context(model).0, conversation: conversation, threads: threads, github: github
        ).run(Self.ref, .refactor, Self.comment(inThread: true))
        #expect(outcome.failure == nil)
        #expect(conversation.reactions == [501])
        #expect(threads.replies.map(\.root) == [400])
        #expect(conversation.comments.isEmpty)
        #expect(outcome.command != nil)
    }

    @Test func aDryRunAcknowledgesButAnswersNothing() async throws {
        let conversation = InMemoryConversation()
        let threads = InMemoryThreadStore()
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.commandMode(
            Self.context(model, dryRun: true).0, conversation: conversation, threads: threads, github: github
        ).run(Self.ref, .chat(question: "Why?"), Self.comment(inThread: false))
        guard case .skipped(let reason) = outcome.kind else {
            Issue.record("a dry run skips")
            return
        }
        #expect(reason.contains("dry-run"))
        #expect(model.requests.isEmpty)
        #expect(conversation.comments.isEmpty)
        #expect(conversation.reactions == [501])
    }

    @Test func aFailedReactionIsOneDiagnosticAndTheCommandIsAnswered() async throws {
        let conversation = InMemoryConversation(reactionsFail: true)
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in ChatCompletion(content: "Because.", usage: .zero) }
        let (context, log) = Self.context(model)
        let outcome = await Self.commandMode(
            context, conversation: conversation, threads: InMemoryThreadStore(), github: github
        ).run(Self.ref, .chat(question: "Why?"), Self.comment(inThread: false))
        #expect(outcome.failure == nil)
        #expect(conversation.comments.count == 1)
        #expect(log.diagnostics.count { $0.message.contains("👀") } == 1)
    }

    @Test func reviewOutsideAThreadIsAReviewOfThePullRequest() async throws {
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel { _ in Self.reviewAnswer() }
        let outcome = await Self.commandMode(
            Self.context(model).0, conversation: InMemoryConversation(), threads: InMemoryThreadStore(), github: github
        ).run(Self.ref, .review, Self.comment(inThread: false))
        #expect(outcome.review != nil)
        #expect(github.drafts.count == 1)
    }

    @Test func aCommandWithAnInvalidConfigurationFailsWithoutAnswering() async throws {
        let conversation = InMemoryConversation()
        let github = InMemoryGitHub(
            pullRequest: ReviewPipelineTests.pullRequest(), files: try ReviewPipelineTests.files())
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.commandMode(
            Self.context(model).0, conversation: conversation, threads: InMemoryThreadStore(), github: github,
            config: StaticConfigLoader(failing: Self.invalid)
        ).run(Self.ref, .refactor, Self.comment(inThread: true))
        #expect(outcome.failure == .invalidConfig(Self.invalid))
        #expect(model.requests.isEmpty)
    }

    // MARK: Thread replies

    static func ourThread(replyBy author: String = "octo", byBot: Bool = false) -> ReviewThread {
        ReviewThread(
            id: "T1", isResolved: false, isOutdated: false, path: "Shop.swift", line: 2, originalLine: 2,
            comments: [
                ThreadComment(
                    id: 400, body: "🟠 **Guard inverted** · _major_\n\n<!-- chatgpt-probot:fp=abc -->", author: "bot",
                    authorIsBot: true, byViewer: true),
                ThreadComment(
                    id: 501, body: "This is intended: the parser validates it.", author: author, authorIsBot: byBot,
                    byViewer: false),
            ])
    }

    static func threadMode(
        _ context: RunContext, threads: InMemoryThreadStore, conversation: InMemoryConversation = InMemoryConversation()
    ) -> ThreadReplyMode {
        ThreadReplyMode(
            context: context, conversation: conversation, threads: threads,
            rules: RepositoryRules(loader: StaticConfigLoader.missing), contents: nil)
    }

    @Test func aConcedingAnswerRepliesAndResolvesTheThread() async throws {
        let threads = InMemoryThreadStore([Self.ourThread()])
        let model = ScriptedChatModel { _ in
            ChatCompletion(content: #"{"reply":"You are right, it is validated.","concede":true}"#, usage: .zero)
        }
        let outcome = await Self.threadMode(Self.context(model).0, threads: threads)
            .run(Self.ref, Self.comment(inThread: true))
        #expect(outcome.failure == nil)
        #expect(threads.replies.map(\.root) == [400])
        #expect(threads.resolved == ["T1"])
    }

    @Test func aReplyByABotIsNeverAnswered() async throws {
        let threads = InMemoryThreadStore([Self.ourThread(byBot: true)])
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.threadMode(Self.context(model).0, threads: threads)
            .run(Self.ref, Self.comment(inThread: true))
        guard case .skipped = outcome.kind else {
            Issue.record("a bot's reply is skipped")
            return
        }
        #expect(model.requests.isEmpty)
        #expect(threads.replies.isEmpty)
    }

    @Test func aDryRunAnswersNoReply() async throws {
        let threads = InMemoryThreadStore([Self.ourThread()])
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.threadMode(Self.context(model, dryRun: true).0, threads: threads)
            .run(Self.ref, Self.comment(inThread: true))
        guard case .skipped(let reason) = outcome.kind else {
            Issue.record("a dry run skips")
            return
        }
        #expect(reason.contains("dry-run"))
        #expect(threads.replies.isEmpty && threads.resolved.isEmpty)
    }

    @Test func aFailedReactionInAThreadIsKeptEvenWhenTheAnswerFails() async throws {
        let threads = InMemoryThreadStore([Self.ourThread()])
        let answering = ScriptedChatModel { _ in
            ChatCompletion(content: #"{"reply":"It is not.","concede":false}"#, usage: .zero)
        }
        let (context, log) = Self.context(answering)
        let outcome = await Self.threadMode(
            context, threads: threads, conversation: InMemoryConversation(reactionsFail: true)
        ).run(Self.ref, Self.comment(inThread: true))
        #expect(outcome.failure == nil)
        #expect(log.diagnostics.count { $0.message.contains("👀") } == 1)
        #expect(threads.resolved.isEmpty)
        let (failingContext, failingLog) = Self.context(ScriptedChatModel { _ in throw InMemoryFailure(what: "model") })
        let failed = await Self.threadMode(
            failingContext, threads: threads, conversation: InMemoryConversation(reactionsFail: true)
        ).run(Self.ref, Self.comment(inThread: true))
        #expect(failed.failure != nil)
        #expect(failingLog.diagnostics.count { $0.message.contains("👀") } == 1, "the warning outlives the failure")
    }

    // MARK: Audit

    static func auditMode(
        _ context: RunContext, sarif: InMemorySarif, issues: InMemoryIssues,
        config: StaticConfigLoader = .missing
    ) -> AuditMode {
        AuditMode(
            context: context, settings: AuditSettings(),
            workspace: InMemoryWorkspace(["app/db.py": "query = 'SELECT ' + name\n", "README.md": "# Shop\n"]),
            rules: RepositoryRules(loader: config), sarif: sarif, issues: issues, commit: "abc", runURL: nil)
    }

    static let auditAnswer = ChatCompletion(
        content:
            #"{"summary":"","findings":[{"path":"app/db.py","line":1,"start_line":null,"side":"RIGHT","severity":"critical","title":"SQL injection","body":"Use a parameter.","suggestion":null}]}"#,
        usage: .zero)

    @Test func anAuditWritesSarifAndTheTrackingIssue() async throws {
        let sarif = InMemorySarif()
        let issues = InMemoryIssues()
        let outcome = await Self.auditMode(
            Self.context(ScriptedChatModel { _ in Self.auditAnswer }).0, sarif: sarif, issues: issues
        ).run("o/r")
        #expect(outcome.failure == nil)
        #expect(sarif.reports.count == 1)
        #expect(issues.upserted.count == 1)
        #expect(outcome.audit?.findings.count == 1)
    }

    @Test func aDryRunAuditWritesNothing() async throws {
        let sarif = InMemorySarif()
        let issues = InMemoryIssues()
        let model = ScriptedChatModel.neverAsked
        let outcome = await Self.auditMode(Self.context(model, dryRun: true).0, sarif: sarif, issues: issues)
            .run("o/r")
        #expect(outcome.failure == nil)
        #expect(model.requests.isEmpty)
        #expect(sarif.reports.isEmpty && issues.upserted.isEmpty)
    }

    @Test func anUnwritableSarifFileFailsTheAudit() async throws {
        let outcome = await Self.auditMode(
            Self.context(ScriptedChatModel { _ in Self.auditAnswer }).0, sarif: InMemorySarif(fails: true),
            issues: InMemoryIssues()
        ).run("o/r")
        guard case .service(let message)? = outcome.failure else {
            Issue.record("expected a service failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(message.contains("SARIF"))
        let failure = try #require(outcome.failure)
        #expect(outcome.summary.rawValue.contains(MarkdownBuilder.text(failure.description).rawValue))
    }

    @Test func anAuditWhoseRequestsAllFailLeavesTheIssueAlone() async throws {
        let issues = InMemoryIssues()
        let outcome = await Self.auditMode(
            Self.context(ScriptedChatModel { _ in throw InMemoryFailure(what: "model") }).0, sarif: InMemorySarif(),
            issues: issues
        ).run("o/r")
        guard case .everyRequestFailed? = outcome.failure else {
            Issue.record("expected every request failed")
            return
        }
        #expect(issues.upserted.isEmpty)
    }

    @Test func anAuditFollowsTheSameConfigurationRule() async throws {
        let (context, log) = Self.context(ScriptedChatModel { _ in Self.auditAnswer })
        let unreadable = await Self.auditMode(
            context, sarif: InMemorySarif(), issues: InMemoryIssues(),
            config: StaticConfigLoader(failing: InMemoryFailure(what: "read"))
        ).run("o/r")
        #expect(unreadable.failure == nil)
        #expect(unreadable.annotations.count { $0.severity == .warning } == 1, "annotated once")
        #expect(log.diagnostics.isEmpty)
        #expect(unreadable.summary.rawValue.contains("could not read the repository"), "the job summary says so")
        let invalid = await Self.auditMode(
            Self.context(ScriptedChatModel.neverAsked).0, sarif: InMemorySarif(), issues: InMemoryIssues(),
            config: StaticConfigLoader(failing: Self.invalid)
        ).run("o/r")
        #expect(invalid.failure == .invalidConfig(Self.invalid))
    }
}
