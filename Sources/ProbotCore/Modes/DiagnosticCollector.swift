import Synchronization

/// The channel for diagnostics a run raises outside its report (the token counter, reactions, the configuration
/// read by commands and replies): modes hand them to ``emit(_:)`` instead of printing them, and the wiring
/// annotates each once. Stages of a review or an audit return theirs in the report, which the summaries show.
///
/// Modelled on swift-openapi-generator's `DiagnosticCollector`: one requirement.
package protocol DiagnosticCollector: Sendable {
    /// Records `diagnostic`.
    func emit(_ diagnostic: Diagnostic)
}

/// Keeps what was emitted, in order, for the run's outcome.
package final class DiagnosticLog: DiagnosticCollector {
    private let emitted = Mutex<[Diagnostic]>([])

    /// An empty log.
    package init() {}

    package func emit(_ diagnostic: Diagnostic) {
        emitted.withLock { $0.append(diagnostic) }
    }

    /// Everything emitted so far, in order.
    package var diagnostics: [Diagnostic] { emitted.withLock { $0 } }
}
