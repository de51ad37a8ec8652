/// One word, number, emoji or emoticon of a text, as the classifier sees it.
struct Token {
    /// What the token is.
    enum Kind: UInt8 {
        case word
        case hashtag
        case number
        case emoji
    }

    /// FNV-1a of the lower-cased bytes (apostrophes normalised), the key into the lexicon.
    var hash: UInt64
    /// What the token is.
    var kind: Kind
    /// Whether a word of two or more letters is written in capitals.
    var allCaps: Bool
    /// The clause (stretch between punctuation) the token belongs to.
    var clause: UInt16
    /// The sentence (stretch between `.`, `!`, `?` or a line break) the token belongs to.
    var sentence: UInt16 = 0
    /// Whether that sentence ends with a question mark.
    var inQuestion = false
    /// The value of a number token (saturating), 0 otherwise.
    var number: Int32
    /// How many letters a word has.
    var letters: UInt16
    /// The lexicon entry for the token, or -1; set by the classifier.
    var entry: Int32 = -1
    /// The customer-care cue weight the token carries after phrase matching and negation.
    var cue: Float = 0
    /// Whether the token belongs to a matched phrase (its own cue is then not counted).
    var inPhrase = false
    /// Whether the token belongs to a sarcastic phrase.
    var sarcastic = false
    /// Whether the token (or the phrase it starts) names a situation rather than judging it.
    var situation = false
    /// Whether the token starts a gratitude phrase ("thanks for").
    var gratitude = false
    /// Whether the token is a hashtag that complains ("#fail", "#badservice").
    var complaintTag = false
}
