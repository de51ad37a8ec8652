/// Limits that protect the decoder from oversized or hostile events.
package struct EventLimits: Sendable, Hashable {
    /// The largest event accepted, in bytes.
    package var maxEventBytes: Int
    /// The longest mention text accepted, in UTF-8 bytes after unescaping.
    package var maxTextBytes: Int
    /// How deeply objects and arrays may nest (unknown fields included).
    package var maxDepth: Int

    /// Creates limits.
    package init(maxEventBytes: Int = 65_536, maxTextBytes: Int = 16_384, maxDepth: Int = 32) {
        self.maxEventBytes = maxEventBytes
        self.maxTextBytes = maxTextBytes
        self.maxDepth = maxDepth
    }

    /// 64 KiB events, 16 KiB texts, 32 levels of nesting.
    package static let standard = EventLimits()
}
