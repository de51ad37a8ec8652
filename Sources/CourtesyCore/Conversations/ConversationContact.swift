/// One earlier contact of a conversation, as the responder remembers it: enough to say "I can see you
/// wrote to us on Monday about order #70412", to keep the same agent, and never to ask again for what
/// the customer already gave.
public struct ConversationContact: Sendable, Hashable {
    /// The mention's id.
    public var mentionId: String
    /// Where the mention was in its partition (its offset; a line number offline). A draft considers only
    /// contacts at earlier positions, so a replay gives the same text.
    public var position: Int64
    /// When the mention was posted.
    public var at: Timestamp
    /// What the customer was doing.
    public var intent: Intent
    /// The mention's topics.
    public var topics: [String]
    /// The identifiers the mention gave (no spans: they belong to a text no longer at hand).
    public var facts: [Fact]
    /// The id of the agent the draft went to, if one was assigned.
    public var agent: String?

    /// A contact; see the properties.
    public init(
        mentionId: String, position: Int64, at: Timestamp, intent: Intent, topics: [String], facts: [Fact],
        agent: String?
    ) {
        self.mentionId = mentionId
        self.position = position
        self.at = at
        self.intent = intent
        self.topics = topics
        self.facts = facts
        self.agent = agent
    }
}
