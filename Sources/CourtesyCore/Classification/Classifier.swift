/// Judges a mention: intent and tone, topics, priority, language, and whether a person must check it.
///
/// Build one at start-up (the build compiles the configuration into hash tables) and share it:
/// it is an immutable value, safe to use from any number of tasks. ``classify(_:recentMentions:)``
/// tokenises the text once over its UTF-8 and looks words up by hash, so it allocates little.
public struct Classifier: Sendable {
    let configuration: ClassifierConfiguration
    let lexicon: Lexicon
    let judgedLanguageBits: UInt16
    let englishBit: Int
    let weights: PriorityWeights

    /// Builds a classifier from a configuration, a base valence lexicon (token → valence) and
    /// optionally emoji descriptions (emoji → words): an emoji the configuration gives no valence
    /// takes the valence of its description's words, as VADER scores emoji.
    public init(
        configuration: ClassifierConfiguration, baseLexicon: [String: Double],
        emojiDescriptions: [String: String] = [:]
    ) throws(ClassifierConfigurationError) {
        self.configuration = configuration
        lexicon = try Lexicon(
            configuration: configuration, baseLexicon: baseLexicon, emojiDescriptions: emojiDescriptions)
        var bits: UInt16 = 0
        for (bit, code) in lexicon.languageCodes.enumerated() where configuration.judgedLanguages.contains(code) {
            bits |= 1 << UInt16(bit)
        }
        judgedLanguageBits = bits
        englishBit = lexicon.languageCodes.firstIndex(of: Language.english.rawValue) ?? -1
        weights = try PriorityWeights(configuration.priority)
    }

    /// The classifier with the shipped configuration and lexicon.
    public static func shipped() throws(ClassifierConfigurationError) -> Classifier {
        try Classifier(
            configuration: ClassifierConfiguration.shipped(), baseLexicon: ClassifierConfiguration.shippedLexicon(),
            emojiDescriptions: ClassifierConfiguration.shippedEmojiLexicon())
    }

    /// Classifies a mention.
    /// - Parameter recentMentions: how many other mentions the same conversation sent recently;
    ///   repeated mentions raise priority.
    public func classify(_ mention: Mention, recentMentions: Int = 0) -> Classification {
        classify(
            text: mention.text, author: mention.author, engagement: mention.engagement, recentMentions: recentMentions)
    }

    /// Classifies a text with what is known of its author.
    public func classify(
        text: String, author: Mention.Author? = nil, engagement: Mention.Engagement? = nil, recentMentions: Int = 0
    ) -> Classification {
        var text = text
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 3 + 4)
        var signals = TextSignals()
        text.withUTF8 { Tokenizer.tokenize($0, into: &tokens, signals: &signals, vocabulary: lexicon.words) }
        let analysis = analyse(&tokens, signals: signals)
        return decide(
            analysis, signals: signals, author: author, engagement: engagement, recentMentions: recentMentions)
    }
}
