extension ClassifierConfiguration {
    /// How word scores combine into a sentiment score and a tone.
    package struct SentimentSettings: Sendable, Codable, Hashable {
        /// Factor applied to a sentiment word after a negator (VADER uses -0.74).
        package var negationScalar: Double
        /// Factor applied to a complaint cue after a negator ("no delay" is not a complaint).
        package var negatedComplaintCue: Double
        /// Added to the magnitude of an ALL-CAPS sentiment word in mixed-case text.
        package var capsIncrement: Double
        /// Factor for sentiment before a contrast word.
        package var contrastBefore: Double
        /// Factor for sentiment after a contrast word.
        package var contrastAfter: Double
        /// Added to the magnitude of the total per exclamation mark (up to four).
        package var exclamationIncrement: Double
        /// Factor applied to praise that reads as sarcasm.
        package var sarcasmScalar: Double
        /// The alpha of `score / sqrt(score² + alpha)` that maps the total into [-1, 1].
        package var normalisation: Double
        /// At or below this normalised score the reply apologises.
        package var apologyAt: Double
        /// At or below this normalised score a question or request gets an apology: asking is not
        /// complaining, so it takes more than a hint of negativity.
        package var apologyInRequestAt: Double
        /// Complaint cues weighing at least this make a complaint even when the score is not
        /// negative, unless the text reaches the thanks threshold: when in doubt, apologise.
        package var complaintAt: Double
        /// At or above this normalised score, with no complaint cue, the reply thanks.
        package var thanksAt: Double
        /// How many words back a negator reaches.
        package var negationWindow: Int
        /// The cue weight of a negator itself: in customer care, "didn't", "can't", "never" mostly
        /// report something that went wrong.
        package var negatorCue: Double
        /// A reply only thanks when the negative weight in the text (complaint cues and negative
        /// words, as a magnitude) stays below this.
        package var thanksBlockedBy: Double
        /// The cue weight of a hashtag that complains by convention ("#fail", "#unitedsucks",
        /// "#badservice"); negative.
        package var complaintHashtag: Double
        /// Praise this many times the negative weight still earns thanks past `thanksBlockedBy`
        /// ("bummer, but thank you for the quick response"); 0 turns this off.
        package var praiseOutweighs: Double
        /// Factor for the valence and cue of a situation word (see `situations`) in a question or request.
        package var situationInRequest: Double
    }

    /// Markers of sarcastic praise.
    package struct SarcasmSettings: Sendable, Codable, Hashable {
        /// Praise words that read as sarcasm when a complaint cue follows closely.
        package var openers: [String]
        /// Phrases that are sarcastic (or at least not praise) whatever follows.
        package var phrases: [String]
        /// The cue weight of a sarcastic phrase (negative: it signals a complaint).
        package var phraseWeight: Double
        /// How many words after an opener a complaint cue makes it sarcastic.
        package var window: Int
        /// How many words before an opener a complaint cue makes it sarcastic ("they never came. Awesome!").
        package var windowBefore: Int
        /// The complaint-cue weight (as a magnitude) that makes an opener sarcastic.
        package var minimumComplaint: Double
        /// A praise word in a sentence of at most this many words is a reaction to the sentence
        /// before ("my bag never arrived. Awesome!"); longer praise is sarcastic only when the
        /// complaint is in its own sentence.
        package var reactionWords: Int
        /// How many words after a gratitude phrase ("thanks for") a complaint cue makes it sarcastic.
        package var gratitudeWindow: Int
    }

    /// Phrases that raise priority because they threaten consequences or show a serious situation.
    package struct ThreatLists: Sendable, Codable, Hashable {
        /// Going public: the press, reviews, followers.
        package var `public`: [String]
        /// Legal action: lawyers, lawsuits, courts.
        package var legal: [String]
        /// Cancelling or leaving for a competitor.
        package var cancel: [String]
        /// A regulator, an ombudsman or a consumer-protection body.
        package var regulator: [String]
        /// A danger to safety or health: fire, injury, medical need.
        package var safety: [String]
        /// A customer who may need extra care: disability, illness, bereavement, a baby, hardship.
        package var vulnerable: [String]

        private enum CodingKeys: String, CodingKey {
            case `public`, legal, cancel, regulator, safety, vulnerable
        }

        /// The lists added later (regulator, safety, vulnerable) may be left out of an older file.
        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.public = try container.decode([String].self, forKey: .public)
            legal = try container.decode([String].self, forKey: .legal)
            cancel = try container.decode([String].self, forKey: .cancel)
            regulator = try container.decodeIfPresent([String].self, forKey: .regulator) ?? []
            safety = try container.decodeIfPresent([String].self, forKey: .safety) ?? []
            vulnerable = try container.decodeIfPresent([String].self, forKey: .vulnerable) ?? []
        }
    }

    /// How stated waiting times ("3 hours on hold", "for two weeks") are read.
    package struct WaitingSettings: Sendable, Codable, Hashable {
        /// Time units and their length in seconds.
        package var units: [String: Int]
        /// Number words and their values ("two", "a", "couple").
        package var numbers: [String: Int]
        /// Phrases that state a wait by themselves ("all day"), in seconds.
        package var phrases: [String: Int]
        /// Words before a duration that make it something other than a wait: "stopped working **after** 11
        /// months", "**in** 2 days", "**every** week". Optional.
        package var notBefore: [String]?
        /// Words after a duration that make it something other than a wait: "a day **early**", "2 years
        /// **old**". Optional.
        package var notAfter: [String]?
        /// Words after a duration that keep it a wait whatever came before: "after 3 hours **on** hold",
        /// "after 2 weeks **of** waiting". Optional.
        package var stillWaiting: [String]?
    }

    /// A segment and the keywords that put a mention into it.
    package struct TopicDefinition: Sendable, Codable, Hashable {
        /// The id reported in drafts, e.g. `returns-refunds`.
        package var id: String
        /// A label for people.
        package var label: String
        /// Words or phrases.
        package var keywords: [String]
        /// The industries the topic belongs to ("flight-disruption": airline); absent for every industry. A
        /// mention whose industry is evident and not listed does not get the topic, and one whose industry
        /// is not evident reads as retail.
        package var industries: [String]?
        /// Whether only a problem has the topic (an outage, a bill): a compliment's reply never thanks the
        /// customer for it ("glad the outage went well"). Absent means false.
        package var problemOnly: Bool?
        /// Whether the topic is how the customer was treated (service): its phrase names what happened to
        /// them ("the service you received"), so a question's or a remark's reply, which asks about
        /// something, leaves it out. Absent means false.
        package var experienceOnly: Bool?
    }

    /// Priority weights, level thresholds and reply windows.
    package struct PrioritySettings: Sendable, Codable, Hashable {
        /// The lowest score for each level above `low`: keys `urgent`, `high`, `normal`.
        package var levels: [String: Int]
        /// Seconds from the mention to the reply deadline, per level name.
        package var replyWithinSeconds: [String: Int]
        /// Points for an audience of at least so many followers, largest first.
        package var reach: [ReachStep]
        /// Points per signal, by name (see docs/classifier.md).
        package var weights: [String: Int]
        /// Sentiment at or below which a complaint counts as very negative.
        package var veryNegativeBelow: Double
        /// Shares at or above which a mention counts as widely shared.
        package var sharedWidelyAt: Int
    }

    /// Points for an audience size.
    package struct ReachStep: Sendable, Codable, Hashable {
        /// The smallest follower count that earns the points.
        package var followers: Int
        /// The points.
        package var points: Int
    }
}
