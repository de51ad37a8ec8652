/// What the classifier concluded about one mention.
package struct Classification: Sendable, Hashable {
    /// What the customer is doing.
    package var intent: Intent
    /// The tone the reply needs. Usually `intent.tone`; neutral when the text could not be judged.
    package var tone: Tone
    /// The segments the mention belongs to (e.g. `delivery`, `billing`), in configuration order.
    package var topics: [String]
    /// How urgent it is, and why.
    package var priority: Priority
    /// The language detected.
    package var language: Language
    /// Why a person must look before any reply is drafted with confidence, or `nil`.
    package var reviewReason: String?
    /// The sentiment score in [-1, 1] that tone was judged from (negative is unhappy).
    package var sentiment: Double
    /// How long, in seconds from the mention, the brand has to reply at this priority.
    package var replyWithinSeconds: Int
    /// The summed weight of the complaint cues found (0 when none).
    package var complaintWeight: Double = 0
    /// What makes the mention serious (legal, regulator, public, safety, vulnerable); empty for most.
    package var concerns: Concerns = []
    /// The business the mention is about, from its own words; nil when they do not show it.
    package var industry: Industry?
    /// A compliment that also names something that went wrong ("the flight was late but the crew were
    /// wonderful"): thanked, but never asked for a like or a review.
    package var mixed = false
    /// The ``ToneModel/identifier`` of the model that chose the tone, or `nil` when the rules did.
    package var toneModel: String?

    /// Creates a classification.
    package init(
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
    package var needsHuman: Bool { reviewReason != nil }
}
