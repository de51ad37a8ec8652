/// A decision on the decisions topic that cannot be read back, kept so that its draft stays decided.
///
/// The decisions topic is keyed by draft id, so even a decision that does not decode names its draft.
/// Reopening that draft would let a second approver decide it and publish a second reply with the
/// same id; instead the draft stays decided, cannot be decided again, and no reply is published for
/// it by the desk (what the decision said cannot be known).
package struct UnreadableDecision: Sendable, Hashable, CustomStringConvertible {
    /// The draft, from the message's key.
    package var draftId: String
    /// Why the decision could not be read.
    package var error: EventDecodingError
    /// Where the decision is, e.g. `courtesy.decisions[2]@118`, for an operator to look it up.
    package var location: String?

    /// Creates the record of an unreadable decision on draft `draftId`.
    package init(draftId: String, error: EventDecodingError, location: String? = nil) {
        self.draftId = draftId
        self.error = error
        self.location = location
    }

    /// e.g. `draft d_… at courtesy.decisions[2]@118: field "text": 17000 bytes, over the limit of 16384`.
    package var description: String {
        "draft \(draftId)" + (location.map { " at \($0)" } ?? "") + ": \(error)"
    }
}
