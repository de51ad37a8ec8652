/// One hostile mention event: raw bytes as a producer might send them, and what must come of them.
public struct HostileMention: Sendable {
    /// A short name for failure messages, e.g. `name-mustache-triple`.
    public let name: String
    /// The event's bytes, exactly as sent; never contains a newline byte, so that it is one line of a
    /// JSON-lines file.
    public let bytes: [UInt8]
    /// What the responder must do with it.
    public let expected: HostileOutcome

    public init(_ name: String, bytes: [UInt8], expected: HostileOutcome) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }

    public init(_ name: String, _ text: String, expected: HostileOutcome) {
        self.init(name, bytes: Array(text.utf8), expected: expected)
    }
}
