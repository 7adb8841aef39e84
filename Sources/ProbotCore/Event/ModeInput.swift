/// The `mode` input.
package enum ModeInput: String, Sendable, CaseIterable, Equatable {
    case auto, review, audit, chat
}
