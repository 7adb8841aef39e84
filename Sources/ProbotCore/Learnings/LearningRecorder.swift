/// Turns a concession into a learning, when the person who explained may teach, and stores it.
package struct LearningRecorder: Sendable {
    package var store: any LearningStore
    /// Author associations that may teach (`allowed-associations`).
    package var teachers: Set<String>

    /// Memberwise initialiser.
    package init(store: any LearningStore, teachers: Set<String>) {
        self.store = store
        self.teachers = teachers
    }

    /// Why a concession taught nothing.
    package enum NoLesson: Error, Sendable, Equatable, CustomStringConvertible {
        /// The model proposed no rule.
        case noRule
        /// The reply is not in the thread.
        case replyNotFound
        /// A bot's or this action's own comment.
        case notAPerson
        /// The person's association may not teach.
        case association(login: String, association: String)

        package var description: String {
            switch self {
            case .noRule: "the answer proposed no rule"
            case .replyNotFound: "the reply was not found in the thread"
            case .notAPerson: "bots and this action cannot teach"
            case .association(let login, let association):
                "@\(login) (\(association.lowercased())) may not teach; `allowed-associations` decides who can"
            }
        }
    }

    /// What a concession teaches: the learning, and why the proposed scope was replaced when it was.
    package struct Lesson: Sendable, Equatable {
        package var learning: Learning
        package var rejectedScope: LearningScope.Rejection?
    }

    /// The learning a concession teaches, or why it teaches nothing. Pure: nothing is stored.
    /// - Parameters:
    ///   - proposal: the answer's `learning`, if any.
    ///   - replyID: the reply that led to the concession; its author is the teacher.
    package func lesson(
        _ proposal: ThreadReplyAnswer.Proposal?, thread: ReviewThread, replyID: Int
    ) -> Result<Lesson, NoLesson> {
        guard let proposal, !Learning.oneLine(proposal.rule).isEmpty else { return .failure(.noRule) }
        guard let reply = thread.comments.first(where: { $0.id == replyID }) else {
            return .failure(.replyNotFound)
        }
        guard !reply.byViewer, !reply.authorIsBot else { return .failure(.notAPerson) }
        let association = reply.association?.uppercased() ?? "NONE"
        guard teachers.contains(association) else {
            return .failure(.association(login: reply.author, association: association))
        }
        let (scope, rejected) = LearningScope.validated(proposal.scope, findingPath: thread.path)
        let learning = Learning(
            rule: proposal.rule, scope: scope, findingTitle: thread.findingTitle ?? "",
            threadURL: thread.comments.first?.url, teacher: reply.author)
        return .success(Lesson(learning: learning, rejectedScope: rejected))
    }

    /// Records the lesson of a concession; problems are diagnostics, never a failed answer.
    package func record(
        _ proposal: ThreadReplyAnswer.Proposal?, thread: ReviewThread, replyID: Int, ref: PullRequestRef
    ) async -> (Learning?, [Diagnostic]) {
        let learning: Learning
        var notes: [Diagnostic] = []
        switch lesson(proposal, thread: thread, replyID: replyID) {
        case .failure(.noRule):
            return (nil, [])
        case .failure(let why):
            return (nil, [.note("conceded without recording a learning: \(why)")])
        case .success(let lesson):
            learning = lesson.learning
            if let rejected = lesson.rejectedScope {
                notes.append(
                    .note(
                        "the proposed scope was not used (\(rejected)); the learning applies to \(MarkdownBuilder.codeSpan(thread.path))"
                    ))
            }
        }
        do {
            let book = try await store.read(owner: ref.owner, repo: ref.repo)
            let stored = try await store.record(learning, owner: ref.owner, repo: ref.repo, in: book)
            notes.append(
                .note(
                    "recorded a learning from @\(learning.teacher) for \(MarkdownBuilder.codeSpan(learning.scope)) in issue #\(stored.issue ?? 0)"
                ))
            return (learning, notes)
        } catch {
            notes.append(.warning(LearningsUnavailable(cause: "\(error)").description))
            return (nil, notes)
        }
    }
}

/// The learnings issue could not be read or written: the review or the answer goes on without it.
package struct LearningsUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    /// What GitHub answered.
    package var cause: String

    package var description: String {
        "could not use the learnings issue (\(cause)); grant `issues: write` to learn from the team, or set `learn: false`"
    }
}
