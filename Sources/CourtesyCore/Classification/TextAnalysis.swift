/// What one pass over a text's tokens found.
struct TextAnalysis {
    /// The summed sentiment before normalisation.
    var total: Double = 0
    /// The normalised sentiment in [-1, 1].
    var sentiment: Double = 0
    /// The summed weight of complaint cues (a magnitude).
    var complaint: Double = 0
    /// The summed weight of praise cues.
    var praise: Double = 0
    /// The summed magnitude of everything negative: complaint cues and negative words.
    var negative: Double = 0
    /// The summed positive valence and praise cues, after adjustment.
    var positive: Double = 0
    /// The summed magnitude of negative situation words ("lost", "delayed"), kept apart from `negative`.
    var situationNegative: Double = 0
    /// Whether the text thanks someone for something, sincerely ("thanks for finding my bag").
    var gratitude = false
    /// Whether praise was read as sarcasm.
    var sarcasm = false
    /// Whether the text asks something (a question mark or a leading question word).
    var question = false
    /// Whether the text asks for information or action ("can you", "please dm").
    var request = false
    /// Bits of the topics found.
    var topics: UInt64 = 0
    /// Threat roles found.
    var threats: LexiconEntry.Roles = []
    /// Profane words.
    var profanity = 0
    /// The longest waiting time stated, in seconds.
    var waitedSeconds = 0
    /// Stopword hits per language bit.
    var languageHits = SIMD16<Int32>()
    /// Word tokens.
    var words = 0

    /// Whether anything in the text reads as a problem: a complaint cue, a negative or situation word, a
    /// negative score, a wait, profanity or a threat.
    var hasNegativeEvidence: Bool {
        complaint > 0 || negative > 0 || situationNegative > 0 || sentiment < 0 || waitedSeconds > 0 || profanity > 0
            || !threats.isEmpty
    }

    /// Whether anything in the text reads as good: a positive word, a praise cue or sincere thanks.
    var hasPositiveEvidence: Bool {
        positive > 0 || praise > 0 || gratitude
    }

    /// The negative weight that keeps a reply from thanking. Naming what happened ("lost",
    /// "delayed") does not stop sincere thanks for sorting it out ("thanks for finding my lost bag");
    /// without such thanks it counts like any other negative word.
    var blockingNegative: Double {
        gratitude ? negative : negative + situationNegative
    }
}
