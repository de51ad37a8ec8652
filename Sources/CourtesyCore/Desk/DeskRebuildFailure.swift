/// An event a rebuild could not decode, and where it was in the stream.
package struct DeskRebuildFailure: Sendable, Hashable, CustomStringConvertible {
    /// The event's position in the stream, from 0.
    package var index: Int
    /// Whether it was meant to be a draft (`true`) or a decision.
    package var isDraft: Bool
    /// Why it could not be decoded.
    package var error: EventDecodingError

    /// Creates a failure.
    package init(index: Int, isDraft: Bool, error: EventDecodingError) {
        self.index = index
        self.isDraft = isDraft
        self.error = error
    }

    /// e.g. `event 12 (decision): missing field "approver"`.
    package var description: String {
        "event \(index) (\(isDraft ? "draft" : "decision")): \(error)"
    }
}
