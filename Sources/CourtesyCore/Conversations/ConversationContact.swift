/// One earlier contact of a conversation, as the responder remembers it: enough to say "I can see you
/// wrote to us on Monday about order #70412", to keep the same agent, and never to ask again for what
/// the customer already gave.
package struct ConversationContact: Sendable, Hashable {
    /// The mention's id.
    package var mentionId: String
    /// Where the mention was in its partition (its offset; a line number offline). A draft considers only
    /// contacts at earlier positions, so a replay gives the same text.
    package var position: Int64
    /// When the mention was posted.
    package var at: Timestamp
    /// What the customer was doing.
    package var intent: Intent
    /// The mention's topics.
    package var topics: [String]
    /// The identifiers the mention gave (no spans: they belong to a text no longer at hand).
    package var facts: [Fact]
    /// The id of the agent the draft went to, if one was assigned.
    package var agent: String?

    /// A contact; see the properties.
    package init(
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
