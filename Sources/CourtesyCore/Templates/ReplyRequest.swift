/// What a reply is drafted from: plain values the pipeline already has.
package struct ReplyRequest: Sendable, Hashable {
    /// What the reply does, which picks its template file.
    package var kind: ReplyKind
    /// Where the reply goes; picks the platform variant and the length limit.
    package var platform: Platform
    /// The reply language ("en", "es"); a language without templates falls back to English.
    package var language: String
    /// The customer's first name, or nil to greet without a name. Sanitised before use.
    package var customerName: String?
    /// The signing agent's first name, or nil to sign as the team. Sanitised before use.
    package var agentName: String?
    /// The mention's topics, most important first ("delivery"); the first with a phrase is used.
    package var topics: [String]
    /// What picks the variant, normally the mention id: the same seed gives the same words.
    package var seed: String
    /// What the mention says (``FactExtractor``): its identifiers, duration and amount become values.
    package var facts: [Fact] = []
    /// Identifiers from the conversation's earlier contacts, newest first: known, so never asked for.
    package var earlierFacts: [Fact] = []
    /// The customer says they have already explained, been passed around or asked before.
    package var repeated = false
    /// When the customer last wrote, if they did recently; the reply then says so.
    package var previousContact: Timestamp?
    /// When the mention was posted: what ``previousContact`` is told relative to.
    package var mentionTime = Timestamp(millisecondsSinceEpoch: 0)
    /// The business the mention is about (its words: "booking" rather than "order"); nil when not evident.
    package var industry: Industry?
    /// Whether the mention reports a danger to safety or health (the `safety` flag).
    package var safety = false
    /// The member of staff a compliment praises by name, if any.
    package var staffName: String?
    /// Whether the praise came with a complaint or a problem named (the `mixed` flag).
    package var mixed = false

    /// A request; see the properties for what each value does.
    package init(
        kind: ReplyKind, platform: Platform, language: String, customerName: String?, agentName: String?,
        topics: [String], seed: String
    ) {
        self.kind = kind
        self.platform = platform
        self.language = language
        self.customerName = customerName
        self.agentName = agentName
        self.topics = topics
        self.seed = seed
    }

    /// A request for the reply that answers a mention of `intent` on its tone alone.
    package init(
        intent: Intent, platform: Platform, language: String, customerName: String?, agentName: String?,
        topics: [String], seed: String
    ) {
        self.init(
            kind: ReplyKind(intent), platform: platform, language: language, customerName: customerName,
            agentName: agentName, topics: topics, seed: seed)
    }
}
