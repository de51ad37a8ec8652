/// What the responder must make of a hostile mention.
public enum HostileOutcome: Sendable, Equatable {
    /// A draft, which must pass ``DraftSafety``.
    case draft
    /// A refusal with this reason (`ResponderError.Reason`'s raw value, e.g. `malformed-json`).
    case refused(String)

    /// The refusal reason, or `nil` for a draft.
    public var reason: String? {
        if case .refused(let reason) = self { return reason }
        return nil
    }
}
