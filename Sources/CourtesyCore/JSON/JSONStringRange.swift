/// Where a string value sits in the bytes a ``JSONReader`` read: its contents between the quotes,
/// and whether they hold escapes.
///
/// The reader has checked the string (UTF-8, escapes, control characters) before making one, so an
/// unescaped range is the text itself and can be copied or hashed without making a `String`.
struct JSONStringRange: Sendable, Hashable {
    /// The offset of the first byte after the opening quote.
    var start: Int
    /// The offset of the closing quote.
    var end: Int
    /// Whether the contents hold a `\` escape, so the bytes are not the text until unescaped.
    var isEscaped: Bool

    /// The number of bytes between the quotes (the text's UTF-8 length when it is not escaped).
    var count: Int { end - start }
}
