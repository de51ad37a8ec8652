/// What the classifier concluded about one mention.
public struct Classification: Sendable, Hashable {
    /// What the customer is doing.
    public var intent: Intent
    /// The tone the reply needs. Usually `intent.tone`; neutral when the text could not be judged.
    public var tone: Tone
    /// The segments the mention belongs to (e.g. `delivery`, `billing`), in configuration order.
    public var topics: [String]
    /// How urgent it is, and why.
    public var priority: Priority
    /// The language detected.
    public var language: Language
    /// Why a person must look before any reply is drafted with confidence, or `nil`.
    public var reviewReason: String?
    /// The sentiment score in [-1, 1] that tone was judged from (negative is unhappy).
    public var sentiment: Double
    /// How long, in seconds from the mention, the brand has to reply at this priority.
    public var replyWithinSeconds: Int
    /// The summed weight of the complaint cues found (0 when none).
    public var complaintWeight: Double = 0
    /// What makes the mention serious (legal, regulator, public, safety, vulnerable); empty for most.
    public var concerns: Concerns = []
    /// The business the mention is about, from its own words; nil when they do not show it.
    public var industry: Industry?
    /// A compliment that also names something that went wrong ("the flight was late but the crew were
    /// wonderful"): thanked, but never asked for a like or a review.
    public var mixed = false
    /// The ``ToneModel/identifier`` of the model that chose the tone, or `nil` when the rules did.
    public var toneModel: String?

    /// Creates a classification.
    public init(
        intent: Intent, tone: Tone, topics: [String], priority: Priority, language: Language,
        reviewReason: String?, sentiment: Double, replyWithinSeconds: Int
    ) {
        self.intent = intent
        self.tone = tone
        self.topics = topics
        self.priority = priority
        self.language = language
        self.reviewReason = reviewReason
        self.sentiment = sentiment
        self.replyWithinSeconds = replyWithinSeconds
    }

    /// Whether a person should check this mention before a reply goes out.
    public var needsHuman: Bool { reviewReason != nil }
}
