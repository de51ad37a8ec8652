/// What the classifier knows about one word, emoji or phrase.
struct LexiconEntry {
    /// Flags for roles a word can play.
    struct Roles: OptionSet {
        let rawValue: UInt32
        static let negator = Roles(rawValue: 1 << 0)
        static let contrast = Roles(rawValue: 1 << 1)
        static let question = Roles(rawValue: 1 << 2)
        static let profanity = Roles(rawValue: 1 << 3)
        static let sarcasmOpener = Roles(rawValue: 1 << 4)
        static let sarcasmPhrase = Roles(rawValue: 1 << 5)
        static let threatPublic = Roles(rawValue: 1 << 6)
        static let threatLegal = Roles(rawValue: 1 << 7)
        static let threatCancel = Roles(rawValue: 1 << 8)
        static let politeness = Roles(rawValue: 1 << 9)
        static let request = Roles(rawValue: 1 << 10)
        static let situation = Roles(rawValue: 1 << 11)
        static let gratitude = Roles(rawValue: 1 << 12)
        static let threatRegulator = Roles(rawValue: 1 << 13)
        static let safety = Roles(rawValue: 1 << 14)
        static let vulnerable = Roles(rawValue: 1 << 15)
        static let notWaitingBefore = Roles(rawValue: 1 << 16)
        static let notWaitingAfter = Roles(rawValue: 1 << 17)
        static let stillWaiting = Roles(rawValue: 1 << 18)
        /// Threats of consequences, which make a mention that is not clearly positive a complaint; a safety
        /// or vulnerability situation alone does not ("how do I book wheelchair assistance?" asks).
        static let escalations: Roles = [.threatPublic, .threatLegal, .threatCancel, .threatRegulator]
        /// Every role that makes a mention serious (``Concerns``), or threatens to leave.
        static let threats: Roles = [
            .threatPublic, .threatLegal, .threatCancel, .threatRegulator, .safety, .vulnerable,
        ]
    }

    /// The sentiment valence (VADER scale, about -4...4), 0 when none.
    var valence: Float = 0
    /// The customer-care cue weight: negative for complaint cues, positive for praise.
    var cue: Float = 0
    /// The booster increment ("very" +0.293, "slightly" -0.293).
    var booster: Float = 0
    /// Roles the word plays.
    var roles: Roles = []
    /// Bit per language whose stopword profile holds the word.
    var languages: UInt16 = 0
    /// Bit per topic whose keywords hold the word or phrase.
    var topics: UInt64 = 0
    /// Seconds per unit for a time unit ("hours" → 3600).
    var unitSeconds: Int32 = 0
    /// The value of a number word ("two" → 2).
    var numberValue: Int32 = 0
    /// A waiting time the word or phrase states by itself ("all day").
    var waitSeconds: Int32 = 0
    /// Bit n set: a phrase of n tokens starts with this word.
    var phraseLengths: UInt8 = 0
}
