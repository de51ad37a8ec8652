/// Everything the classifier knows, as data: cue lists, topic keywords, language profiles,
/// priority weights and reply windows.
///
/// The shipped defaults live in the `classifier.json` and `vader_lexicon.txt` resources
/// (see ``shipped()``); a deployment can replace either with its own file
/// (see ``load(from:)`` and ``loadLexicon(from:)``).
public struct ClassifierConfiguration: Sendable, Codable, Hashable {
    /// A note on where the data comes from and its licence.
    public var about: String?
    /// How word scores combine into a sentiment score and a tone.
    public var sentiment: SentimentSettings
    /// Words that flip the sentiment of what follows them ("not", "never").
    public var negators: [String]
    /// Words that shift weight onto what follows them ("but").
    public var contrasts: [String]
    /// Words that strengthen (positive) or soften (negative) the next sentiment word.
    public var boosters: [String: Double]
    /// Valences that replace or add to the base lexicon's.
    public var valenceOverrides: [String: Double]
    /// Customer-care cues (words or phrases): negative weights signal a complaint, positive praise.
    public var cues: [String: Double]
    /// Markers of sarcastic praise ("great, another delay").
    public var sarcasm: SarcasmSettings
    /// Polite words ("thanks", "please") that do not make a question or a request praise.
    public var politeness: [String]
    /// Words and phrases that ask for information or action anywhere in a text ("can you", "is there",
    /// "please dm"): they make the text a request, like a question.
    public var requests: [String]
    /// Cues that name a situation rather than judge it ("cancelled", "bag", "refund", "need help"):
    /// in a question or request they weigh `sentiment.situationInRequest` of their weight, so
    /// "is my flight cancelled?" asks, while "my flight was cancelled" complains.
    public var situations: [String]
    /// Phrases that thank someone for something ("thanks for", "thank you for"): sarcastic only when
    /// what follows within `sarcasm.gratitudeWindow` words is a complaint ("thanks for the delay"), and
    /// praise, not politeness, when they open the text.
    public var gratitude: [String]
    /// Everyday words that hashtags run together ("customer", "service", "airline"), beyond the
    /// words the lexicon already knows: a hashtag splits only into known words.
    public var hashtagWords: [String]
    /// Words that start a question.
    public var questionWords: [String]
    /// Profane words, an anger signal.
    public var profanity: [String]
    /// Phrases that threaten to go public, take legal action or cancel.
    public var threats: ThreatLists
    /// Units, number words and phrases for stated waiting times.
    public var waiting: WaitingSettings
    /// Valences of emoji (keys are single emoji, without variation selectors).
    public var emoji: [String: Double]
    /// Segments and their keywords (words or phrases), in report order.
    public var topics: [TopicDefinition]
    /// Words that show which business a mention is about, by industry (``Industry``); when several show,
    /// the first in ``Industry/allCases`` order wins. Optional.
    public var industries: [String: [String]]?
    /// Stopword profiles per language code, for cheap language detection.
    public var languages: [String: [String]]
    /// Languages whose tone the classifier judges; others get a neutral tone and a review flag.
    public var judgedLanguages: [String]
    /// Words the shared lexicon scores that mean something else in a language, by language code:
    /// Portuguese "no" is "in the", not a negator; German "bad" is a bathroom. A text detected as that
    /// language is scored again with them as unknown words. Optional.
    public var falseFriends: [String: [String]]?
    /// Priority weights, level thresholds and reply windows.
    public var priority: PrioritySettings
}
