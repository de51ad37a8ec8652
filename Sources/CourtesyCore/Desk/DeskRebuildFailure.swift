/// An event a rebuild could not decode, and where it was in the stream.
public struct DeskRebuildFailure: Sendable, Hashable, CustomStringConvertible {
    /// The event's position in the stream, from 0.
    public var index: Int
    /// Whether it was meant to be a draft (`true`) or a decision.
    public var isDraft: Bool
    /// Why it could not be decoded.
    public var error: EventDecodingError

    /// Creates a failure.
    public init(index: Int, isDraft: Bool, error: EventDecodingError) {
        self.index = index
        self.isDraft = isDraft
        self.error = error
    }

    /// e.g. `event 12 (decision): missing field "approver"`.
    public var description: String {
        "event \(index) (\(isDraft ? "draft" : "decision")): \(error)"
    }
}
