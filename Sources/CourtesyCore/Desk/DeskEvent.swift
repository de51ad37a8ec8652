/// One raw event for the desk, as read from its topic.
public enum DeskEvent: Sendable, Hashable {
    /// The bytes of a `courtesy.draft/v1` event.
    case draft([UInt8])
    /// The bytes of a `courtesy.decision/v1` event.
    case decision([UInt8])
}
