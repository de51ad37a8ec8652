import Foundation

/// Judges a mention: intent and tone, topics, priority, language, and whether a person must check it.
///
/// Build one at start-up (the build compiles the configuration into hash tables) and share it:
/// it is an immutable value, safe to use from any number of tasks. ``classify(_:recentMentions:)``
/// tokenises the text once over its UTF-8 and looks words up by hash, so it allocates little.
package struct Classifier: Sendable {
    let configuration: ClassifierConfiguration
    let lexicon: Lexicon
    let judgedLanguageBits: UInt16
    let englishBit: Int
    /// The position in ``Lexicon/languageCodes`` of each ``TextSignals/MarkedLanguage``, or -1.
    let markedLanguageBits: SIMD4<Int32>
    /// The hashes of each language's ``ClassifierConfiguration/falseFriends``, for the languages that have any.
    let falseFriends: [(language: String, hashes: Set<UInt64>)]
    let weights: PriorityWeights
    /// The model that chooses the tone instead of the rules, if any (``using(_:)``).
    package private(set) var toneModel: ToneModel?

    /// Builds a classifier from a configuration, a base valence lexicon (token → valence) and
    /// optionally emoji descriptions (emoji → words): an emoji the configuration gives no valence
    /// takes the valence of its description's words, as VADER scores emoji.
    package init(
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
        var marked = SIMD4<Int32>(repeating: -1)
        for language in TextSignals.MarkedLanguage.allCases {
            marked[language.rawValue] = Int32(lexicon.languageCodes.firstIndex(of: language.code) ?? -1)
        }
        markedLanguageBits = marked
        var friends: [(language: String, hashes: Set<UInt64>)] = []
        for (code, words) in (configuration.falseFriends ?? [:]).sorted(by: { $0.key < $1.key }) where !words.isEmpty {
            guard configuration.languages[code] != nil else {
                throw ClassifierConfigurationError.invalid(
                    path: "falseFriends", reason: "\"\(code)\" has no profile in languages")
            }
            friends.append((code, Set(words.map { Tokenizer.hashBytes(Array($0.lowercased().utf8)) })))
        }
        falseFriends = friends
        weights = try PriorityWeights(configuration.priority)
    }

    /// The hash a false friend's token takes: that of bytes no UTF-8 text holds, so no word's.
    static let unknownWord = Tokenizer.hashBytes([0xFF, 0xFE])

    /// The false friends of a language, when it has any.
    private func falseFriends(of language: Language) -> Set<UInt64>? {
        for entry in falseFriends where entry.language == language.rawValue {
            return entry.hashes
        }
        return nil
    }

    /// The classifier with the shipped configuration and lexicon.
    package static func shipped() throws(ClassifierConfigurationError) -> Classifier {
        try load(configuration: nil, lexicon: nil)
    }

    /// The classifier of a configuration file and a base lexicon file (VADER format), each the shipped one
    /// when `nil`, with the shipped emoji descriptions: the one classifier every command and service builds.
    package static func load(configuration: String?, lexicon: String?) throws(ClassifierConfigurationError)
        -> Classifier
    {
        let loaded: ClassifierConfiguration
        if let configuration {
            loaded = try ClassifierConfiguration.load(from: URL(fileURLWithPath: configuration))
        } else {
            loaded = try ClassifierConfiguration.shipped()
        }
        let baseLexicon: [String: Double]
        if let lexicon {
            baseLexicon = try ClassifierConfiguration.loadLexicon(from: URL(fileURLWithPath: lexicon))
        } else {
            baseLexicon = try ClassifierConfiguration.shippedLexicon()
        }
        return try Classifier(
            configuration: loaded, baseLexicon: baseLexicon,
            emojiDescriptions: ClassifierConfiguration.shippedEmojiLexicon())
    }

    /// Classifies a mention.
    /// - Parameter recentMentions: how many other mentions the same conversation sent recently;
    ///   repeated mentions raise priority.
    package func classify(_ mention: Mention, recentMentions: Int = 0) -> Classification {
        classify(
            text: mention.text, author: mention.author, engagement: mention.engagement, recentMentions: recentMentions)
    }

    /// Classifies a text with what is known of its author.
    /// - Parameter industry: the brand's business (``BrandProfile/industry``), which then decides the topics
    ///   and ``Classification/industry`` instead of the mention's own words.
    package func classify(
        text: String, author: Mention.Author? = nil, engagement: Mention.Engagement? = nil, recentMentions: Int = 0,
        industry: Industry? = nil
    ) -> Classification {
        let scored = score(text, locale: author?.locale)
        let judged = scored.language.1 == nil
        var intent = ruleIntent(scored.analysis, judged: judged)
        var decidedBy: String?
        if let toneModel, judged {
            let tone = toneModel.tone(text, analysis: scored.analysis, intent: intent)
            intent = Self.intent(choosing: tone, analysis: scored.analysis)
            decidedBy = toneModel.identifier
        }
        var classification = decide(
            scored.analysis, intent: intent, language: scored.language, signals: scored.signals, author: author,
            engagement: engagement, recentMentions: recentMentions, industry: industry)
        classification.toneModel = decidedBy
        return classification
    }

    /// This classifier with `model` choosing the tone of texts in the languages it judges (`nil`: the rules).
    package func using(_ model: ToneModel?) -> Classifier {
        var classifier = self
        classifier.toneModel = model
        return classifier
    }

    /// What the rules make of a text, for training a ``ToneModel``: the analysis, the intent they give it,
    /// and whether its language is one whose tone is judged.
    func ruleReading(_ text: String, locale: String? = nil) -> (analysis: TextAnalysis, intent: Intent, judged: Bool) {
        let scored = score(text, locale: locale)
        let judged = scored.language.1 == nil
        return (scored.analysis, ruleIntent(scored.analysis, judged: judged), judged)
    }

    /// A text's tokens, analysis and language, as ``classify(text:author:engagement:recentMentions:industry:)``
    /// and ``explain(text:)`` both read them: when the language found has false friends and the text holds
    /// one, scored again from fresh tokens with them unknown (the first pass marked phrases and cues).
    func score(_ text: String, locale: String?) -> (
        tokens: [Token], signals: TextSignals, analysis: TextAnalysis, language: (Language, String?)
    ) {
        var text = text
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 3 + 4)
        var signals = TextSignals()
        text.withUTF8 { Tokenizer.tokenize($0, into: &tokens, signals: &signals, vocabulary: lexicon.words) }
        var analysis = analyse(&tokens, signals: signals)
        var language = detectLanguage(analysis, signals: signals, locale: locale)
        if !falseFriends.isEmpty, let friends = falseFriends(of: language.0),
            tokens.contains(where: { friends.contains($0.hash) })
        {
            tokens.removeAll(keepingCapacity: true)
            signals = TextSignals()
            text.withUTF8 { Tokenizer.tokenize($0, into: &tokens, signals: &signals, vocabulary: lexicon.words) }
            for index in tokens.indices where friends.contains(tokens[index].hash) {
                tokens[index].hash = Self.unknownWord
            }
            analysis = analyse(&tokens, signals: signals)
            language = detectLanguage(analysis, signals: signals, locale: locale)
        }
        return (tokens, signals, analysis, language)
    }
}
