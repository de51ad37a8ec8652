/// One raw event for the desk, as read from its topic.
package enum DeskEvent: Sendable, Hashable {
    /// The bytes of a `courtesy.draft/v1` event.
    case draft([UInt8])
    /// The bytes of a `courtesy.decision/v1` event, and the message's key (the draft id) when known:
    /// with it, a decision that cannot be read back still keeps its draft decided.
    case decision([UInt8], key: [UInt8]? = nil)
}
