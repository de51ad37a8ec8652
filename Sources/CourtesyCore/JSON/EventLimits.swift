/// Limits that protect the decoder from oversized or hostile events.
public struct EventLimits: Sendable, Hashable {
    /// The largest event accepted, in bytes.
    public var maxEventBytes: Int
    /// The longest mention text accepted, in UTF-8 bytes after unescaping.
    public var maxTextBytes: Int
    /// How deeply objects and arrays may nest (unknown fields included).
    public var maxDepth: Int

    /// Creates limits.
    public init(maxEventBytes: Int = 65_536, maxTextBytes: Int = 16_384, maxDepth: Int = 32) {
        self.maxEventBytes = maxEventBytes
        self.maxTextBytes = maxTextBytes
        self.maxDepth = maxDepth
    }

    /// 64 KiB events, 16 KiB texts, 32 levels of nesting.
    public static let standard = EventLimits()
}
