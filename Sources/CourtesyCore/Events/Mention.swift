/// Something a customer said about a brand on one of its channels: the `courtesy.mention/v1` event.
///
/// Connectors publish mentions keyed by ``conversationKey`` so one customer's messages stay in order.
package struct Mention: Sendable, Hashable {
    /// The schema identifier this type reads and writes.
    package static let schema = "courtesy.mention/v1"

    /// The platform's id for the message, unique per platform.
    package var id: String
    /// Where the mention was posted.
    package var platform: Platform
    /// The brand the mention is addressed to.
    package var brand: String
    /// Who wrote it.
    package var author: Author
    /// What they wrote.
    package var text: String
    /// A link to the message, if the platform has one.
    package var url: String?
    /// The id of the message this one answers, if any.
    package var inReplyTo: String?
    /// When it was posted.
    package var createdAt: Timestamp
    /// Likes, replies and shares at the time it was collected, if known.
    package var engagement: Engagement?

    /// Creates a mention.
    package init(
        id: String, platform: Platform, brand: String, author: Author, text: String, url: String? = nil,
        inReplyTo: String? = nil, createdAt: Timestamp, engagement: Engagement? = nil
    ) {
        self.id = id
        self.platform = platform
        self.brand = brand
        self.author = author
        self.text = text
        self.url = url
        self.inReplyTo = inReplyTo
        self.createdAt = createdAt
        self.engagement = engagement
    }

    /// The conversation key, `platform:authorId`: one customer on one platform is one conversation.
    package var conversationKey: String {
        platform.rawValue + ":" + author.id
    }
}
