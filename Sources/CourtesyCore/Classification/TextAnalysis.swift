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
    /// Whether praise was read as sarcasm.
    var sarcasm = false
    /// Whether the text asks something.
    var question = false
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
}
