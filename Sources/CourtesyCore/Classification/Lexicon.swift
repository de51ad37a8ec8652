/// The classifier's configuration compiled into hash tables for per-message look-ups.
struct Lexicon {
    /// Entries for words, emoji and phrases.
    private(set) var entries: [LexiconEntry] = []
    /// Single tokens → entry index.
    private(set) var words = LexiconTable(capacity: 4096)
    /// Phrases (folded token keys) → entry index.
    private(set) var phrases = LexiconTable(capacity: 512)
    /// The longest phrase, in tokens.
    private(set) var longestPhrase = 1
    /// Language codes, by bit.
    private(set) var languageCodes: [String] = []
    /// Topic ids, by bit.
    private(set) var topicIDs: [String] = []
    /// Each topic's industries as a mask of ``IndustryWords/mask`` bits; 0 for a topic of every industry.
    private(set) var topicIndustries: [UInt8] = []
    /// The industries that have words, in ``Industry/allCases`` order: the first whose words show wins.
    private(set) var industries: [IndustryWords] = []
    /// The mask of retail, the industry a mention reads as when its words show none.
    private(set) var retailMask: UInt8 = 0

    /// An industry, the topic bit its words set, and its bit in ``topicIndustries``.
    struct IndustryWords {
        let industry: Industry
        let topicBit: Int
        let mask: UInt8
    }

    /// The entry for a single token, if any.
    @inline(__always) func entryIndex(word key: UInt64) -> Int32 {
        words.lookup(key)
    }

    /// The entry for a phrase key, if any.
    @inline(__always) func entryIndex(phrase key: UInt64) -> Int32 {
        phrases.lookup(key)
    }

    /// Compiles a configuration, a base valence lexicon and emoji descriptions.
    init(
        configuration: ClassifierConfiguration, baseLexicon: [String: Double],
        emojiDescriptions: [String: String] = [:]
    ) throws(ClassifierConfigurationError) {
        languageCodes = configuration.languages.keys.sorted()
        guard languageCodes.count <= 16 else {
            throw ClassifierConfigurationError.invalid(path: "configuration", reason: "at most 16 language profiles")
        }
        let industryWords = configuration.industries ?? [:]
        if let unknown = industryWords.keys.sorted().first(where: { Industry(rawValue: $0) == nil }) {
            throw ClassifierConfigurationError.invalid(
                path: "configuration", reason: "industries: \"\(unknown)\" is not an industry")
        }
        guard configuration.topics.count + industryWords.count <= 64 else {
            throw ClassifierConfigurationError.invalid(
                path: "configuration", reason: "at most 64 topics and industries together")
        }
        topicIDs = configuration.topics.map(\.id)
        var masks: [Industry: UInt8] = [:]
        for (index, industry) in Industry.allCases.enumerated() { masks[industry] = 1 << UInt8(index) }
        retailMask = masks[.retail] ?? 0
        for topic in configuration.topics {
            var bits: UInt8 = 0
            for name in topic.industries ?? [] {
                guard let mask = Industry(rawValue: name).flatMap({ masks[$0] }) else {
                    throw ClassifierConfigurationError.invalid(
                        path: "configuration", reason: "topic \"\(topic.id)\": \"\(name)\" is not an industry")
                }
                bits |= mask
            }
            topicIndustries.append(bits)
        }
        for industry in Industry.allCases where industryWords[industry.rawValue] != nil {
            industries.append(
                IndustryWords(
                    industry: industry, topicBit: configuration.topics.count + industries.count,
                    mask: masks[industry] ?? 0))
        }

        // Numbers are left out: the base lexicon scores chat slang such as "143" and "187", which in a
        // mention are amounts, minutes and flight numbers. So are emoticons the tokenizer does not read
        // as one ("<3", "8)", "|o:"): what is left of them is a number or a letter, and "3 weeks", "8
        // days" and Portuguese "o voo" would score.
        for (token, valence) in baseLexicon.sorted(by: { $0.key < $1.key }) where Self.scoresAsWritten(token) {
            updateWordOnly(token) { $0.valence = Float(valence) }
        }
        for (token, valence) in configuration.valenceOverrides.sorted(by: { $0.key < $1.key }) {
            updateWordOnly(token) { $0.valence = Float(valence) }
        }
        scoreEmoji(emojiDescriptions, negators: Set(configuration.negators), configuration: configuration)
        for (token, valence) in configuration.emoji.sorted(by: { $0.key < $1.key }) {
            updateWordOnly(token) { $0.valence = Float(valence) }
        }
        for (token, weight) in configuration.boosters.sorted(by: { $0.key < $1.key }) {
            updateWordOnly(token) { $0.booster = Float(weight) }
        }
        for word in configuration.negators {
            updateWordOnly(word) { $0.roles.insert(.negator) }
        }
        for word in configuration.contrasts {
            updateWordOnly(word) { $0.roles.insert(.contrast) }
        }
        for word in configuration.politeness {
            update(word) { $0.roles.insert(.politeness) }
        }
        for phrase in configuration.requests {
            update(phrase) { $0.roles.insert(.request) }
        }
        for phrase in configuration.situations {
            update(phrase) { $0.roles.insert(.situation) }
        }
        for phrase in configuration.gratitude {
            update(phrase) { $0.roles.insert(.gratitude) }
        }
        for word in configuration.hashtagWords {
            updateWordOnly(word) { _ in }
        }
        for word in configuration.questionWords {
            update(word) { $0.roles.insert(.question) }
        }
        for word in configuration.profanity {
            update(word) { $0.roles.insert(.profanity) }
        }
        for (cue, weight) in configuration.cues.sorted(by: { $0.key < $1.key }) {
            update(cue) { $0.cue = Float(weight) }
        }
        for word in configuration.sarcasm.openers {
            updateWordOnly(word) { $0.roles.insert(.sarcasmOpener) }
        }
        for phrase in configuration.sarcasm.phrases {
            update(phrase) { $0.roles.insert(.sarcasmPhrase) }
        }
        let threats = configuration.threats
        let threatRoles: [([String], LexiconEntry.Roles)] = [
            (threats.public, .threatPublic), (threats.legal, .threatLegal), (threats.cancel, .threatCancel),
            (threats.regulator, .threatRegulator), (threats.safety, .safety), (threats.vulnerable, .vulnerable),
        ]
        for (phrases, role) in threatRoles {
            for phrase in phrases {
                update(phrase) { $0.roles.insert(role) }
            }
        }
        for (unit, seconds) in configuration.waiting.units.sorted(by: { $0.key < $1.key }) {
            updateWordOnly(unit) { $0.unitSeconds = Int32(clamping: seconds) }
        }
        for (word, value) in configuration.waiting.numbers.sorted(by: { $0.key < $1.key }) {
            updateWordOnly(word) { $0.numberValue = Int32(clamping: value) }
        }
        let waiting = configuration.waiting
        let waitingRoles: [([String]?, LexiconEntry.Roles)] = [
            (waiting.notBefore, .notWaitingBefore), (waiting.notAfter, .notWaitingAfter),
            (waiting.stillWaiting, .stillWaiting),
        ]
        for (words, role) in waitingRoles {
            for word in words ?? [] {
                updateWordOnly(word) { $0.roles.insert(role) }
            }
        }
        for (phrase, seconds) in configuration.waiting.phrases.sorted(by: { $0.key < $1.key }) {
            update(phrase) { $0.waitSeconds = Int32(clamping: seconds) }
        }
        for (bit, topic) in configuration.topics.enumerated() {
            for keyword in topic.keywords {
                update(keyword) { $0.topics |= 1 << UInt64(bit) }
            }
        }
        for words in industries {
            for keyword in industryWords[words.industry.rawValue] ?? [] {
                update(keyword) { $0.topics |= 1 << UInt64(words.topicBit) }
            }
        }
        for (bit, code) in languageCodes.enumerated() {
            for word in configuration.languages[code] ?? [] {
                updateWordOnly(word) { $0.languages |= 1 << UInt16(bit) }
            }
        }
    }

    /// Gives each described emoji the summed valence of its description's words, as VADER scores
    /// emoji; words after a negator do not count ("see-no-evil monkey" is neither evil nor good).
    /// Emoji with a valence in the configuration keep that one.
    private mutating func scoreEmoji(
        _ descriptions: [String: String], negators: Set<String>, configuration: ClassifierConfiguration
    ) {
        for (emoji, description) in descriptions.sorted(by: { $0.key < $1.key }) {
            let key = emoji.unicodeScalars.filter { $0.value != 0xFE0F }
            guard key.count == 1, configuration.emoji[String(key)] == nil else { continue }
            var valence: Float = 0
            var negated = false
            for word in description.lowercased().split(whereSeparator: { !$0.isLetter }) {
                let text = String(word)
                if negators.contains(text) {
                    negated = true
                    continue
                }
                let index = words.lookup(Tokenizer.hashBytes(Array(text.utf8)))
                guard index >= 0, !negated else { continue }
                valence += entries[Int(index)].valence
            }
            guard valence != 0 else { continue }
            let clamped = min(3, max(-3, valence))
            updateWordOnly(String(key)) { $0.valence = clamped }
        }
    }

    /// Applies `change` to the entry of a word or phrase, creating it if needed.
    private mutating func update(_ text: String, _ change: (inout LexiconEntry) -> Void) {
        let keys = Lexicon.tokenKeys(text)
        guard let firstKey = keys.first else { return }
        if keys.count == 1 {
            change(&entries[Int(wordEntry(firstKey))])
            return
        }
        guard keys.count <= 7 else { return }
        var key = firstKey
        for next in keys.dropFirst() {
            key = Tokenizer.combine(key, next)
        }
        var index = phrases.lookup(key)
        if index < 0 {
            index = Int32(entries.count)
            entries.append(LexiconEntry())
            phrases.insert(key, slot: index)
        }
        change(&entries[Int(index)])
        entries[Int(wordEntry(firstKey))].phraseLengths |= 1 << UInt8(keys.count)
        longestPhrase = max(longestPhrase, keys.count)
    }

    /// Like ``update(_:_:)`` but ignores anything that is not a single token (base lexicons hold a
    /// few entries that tokenise differently, such as bare punctuation).
    private mutating func updateWordOnly(_ text: String, _ change: (inout LexiconEntry) -> Void) {
        let keys = Lexicon.tokenKeys(text)
        guard keys.count == 1, let key = keys.first else { return }
        change(&entries[Int(wordEntry(key))])
    }

    private mutating func wordEntry(_ key: UInt64) -> Int32 {
        let existing = words.lookup(key)
        if existing >= 0 { return existing }
        let index = Int32(entries.count)
        entries.append(LexiconEntry())
        words.insert(key, slot: index)
        return index
    }

    /// Whether a base-lexicon token is read as itself: one token, not a number, and not a word left
    /// when the tokenizer drops an emoticon's punctuation.
    static func scoresAsWritten(_ token: String) -> Bool {
        let tokens = self.tokens(of: token)
        guard tokens.count == 1, let only = tokens.first, only.kind != .number else { return false }
        guard only.kind == .word else { return true }
        return token.allSatisfy { $0.isLetter || $0 == "'" || $0 == "-" }
    }

    /// The keys of the tokens of `text`, tokenised exactly as messages are.
    static func tokenKeys(_ text: String) -> [UInt64] {
        tokens(of: text).map(\.hash)
    }

    /// The tokens of `text`, tokenised as messages are, references not joined.
    private static func tokens(of text: String) -> [Token] {
        var text = text
        var tokens: [Token] = []
        var signals = TextSignals()
        text.withUTF8 { Tokenizer.tokenize($0, into: &tokens, signals: &signals, references: false) }
        return tokens
    }
}
