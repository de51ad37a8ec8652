/// What a reply is drafted from: plain values the pipeline already has.
public struct ReplyRequest: Sendable, Hashable {
    /// What the reply does, which picks its template file.
    public var kind: ReplyKind
    /// Where the reply goes; picks the platform variant and the length limit.
    public var platform: Platform
    /// The reply language ("en", "es"); a language without templates falls back to English.
    public var language: String
    /// The customer's first name, or nil to greet without a name. Sanitised before use.
    public var customerName: String?
    /// The signing agent's first name, or nil to sign as the team. Sanitised before use.
    public var agentName: String?
    /// The mention's topics, most important first ("delivery"); the first with a phrase is used.
    public var topics: [String]
    /// What picks the variant, normally the mention id: the same seed gives the same words.
    public var seed: String
    /// What the mention says (``FactExtractor``): its identifiers, duration and amount become values.
    public var facts: [Fact] = []
    /// Identifiers from the conversation's earlier contacts, newest first: known, so never asked for.
    public var earlierFacts: [Fact] = []
    /// The customer says they have already explained, been passed around or asked before.
    public var repeated = false
    /// When the customer last wrote, if they did recently; the reply then says so.
    public var previousContact: Timestamp?
    /// When the mention was posted: what ``previousContact`` is told relative to.
    public var mentionTime = Timestamp(millisecondsSinceEpoch: 0)
    /// The business the mention is about (its words: "booking" rather than "order"); nil when not evident.
    public var industry: Industry?
    /// Whether the mention reports a danger to safety or health (the `safety` flag).
    public var safety = false
    /// The member of staff a compliment praises by name, if any.
    public var staffName: String?
    /// Whether the praise came with a complaint or a problem named (the `mixed` flag).
    public var mixed = false

    /// A request; see the properties for what each value does.
    public init(
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
    public init(
        intent: Intent, platform: Platform, language: String, customerName: String?, agentName: String?,
        topics: [String], seed: String
    ) {
        self.init(
            kind: ReplyKind(intent), platform: platform, language: language, customerName: customerName,
            agentName: agentName, topics: topics, seed: seed)
    }
}
