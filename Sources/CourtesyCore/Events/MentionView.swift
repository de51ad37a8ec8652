/// A `courtesy.mention/v1` event decoded and checked, its strings left in the event's bytes.
///
/// Decoding a ``Mention`` goes through this view, so both read events with exactly the same rules and
/// errors. The responder's hot path keeps the view instead: ids, brand and handle are copied into the
/// draft and hashed straight from the bytes, and only the strings that must be `String`s are made.
/// A view borrows the buffer it was read from and is valid only while that buffer is.
struct MentionView {
    /// The reader that read the event; it resolves the string ranges below.
    let reader: JSONReader
    var id: JSONStringRange
    var platform: Platform
    var brand: JSONStringRange
    var authorID: JSONStringRange
    var handle: JSONStringRange?
    var displayName: JSONStringRange?
    var followers: Int
    var verified: Bool
    var locale: JSONStringRange?
    var text: JSONStringRange
    var url: JSONStringRange?
    var inReplyTo: JSONStringRange?
    var createdAt: Timestamp
    var engagement: Mention.Engagement?

    /// The text of one of the view's strings.
    func string(_ range: JSONStringRange) -> String { reader.string(range) }

    /// The text of one of the view's optional strings.
    func string(_ range: JSONStringRange?) -> String? { range.map(reader.string) }

    /// The author as the classifier and the name extractor take it.
    var author: Mention.Author {
        Mention.Author(
            id: string(authorID), handle: string(handle), displayName: string(displayName), followers: followers,
            verified: verified, locale: string(locale))
    }
}
