/// Everything the classifier knows, as data: cue lists, topic keywords, language profiles,
/// priority weights and reply windows.
///
/// The shipped defaults live in the `classifier.json` and `vader_lexicon.txt` resources
/// (see ``shipped()``); a deployment can replace either with its own file
/// (see ``load(from:)`` and ``loadLexicon(from:)``).
package struct ClassifierConfiguration: Sendable, Codable, Hashable {
    /// A note on where the data comes from and its licence.
    package var about: String?
    /// How word scores combine into a sentiment score and a tone.
    package var sentiment: SentimentSettings
    /// Words that flip the sentiment of what follows them ("not", "never").
    package var negators: [String]
    /// Words that shift weight onto what follows them ("but").
    package var contrasts: [String]
    /// Words that strengthen (positive) or soften (negative) the next sentiment word.
    package var boosters: [String: Double]
    /// Valences that replace or add to the base lexicon's.
    package var valenceOverrides: [String: Double]
    /// Customer-care cues (words or phrases): negative weights signal a complaint, positive praise.
    package var cues: [String: Double]
    /// Markers of sarcastic praise ("great, another delay").
    package var sarcasm: SarcasmSettings
    /// Polite words ("thanks", "please") that do not make a question or a request praise.
    package var politeness: [String]
    /// Words and phrases that ask for information or action anywhere in a text ("can you", "is there",
    /// "please dm"): they make the text a request, like a question.
    package var requests: [String]
    /// Cues that name a situation rather than judge it ("cancelled", "bag", "refund", "need help"):
    /// in a question or request they weigh `sentiment.situationInRequest` of their weight, so
    /// "is my flight cancelled?" asks, while "my flight was cancelled" complains.
    package var situations: [String]
    /// Phrases that thank someone for something ("thanks for", "thank you for"): sarcastic only when
    /// what follows within `sarcasm.gratitudeWindow` words is a complaint ("thanks for the delay"), and
    /// praise, not politeness, when they open the text.
    package var gratitude: [String]
    /// Everyday words that hashtags run together ("customer", "service", "airline"), beyond the
    /// words the lexicon already knows: a hashtag splits only into known words.
    package var hashtagWords: [String]
    /// Words that start a question.
    package var questionWords: [String]
    /// Profane words, an anger signal.
    package var profanity: [String]
    /// Phrases that threaten to go public, take legal action or cancel.
    package var threats: ThreatLists
    /// Units, number words and phrases for stated waiting times.
    package var waiting: WaitingSettings
    /// Valences of emoji (keys are single emoji, without variation selectors).
    package var emoji: [String: Double]
    /// Segments and their keywords (words or phrases), in report order.
    package var topics: [TopicDefinition]
    /// Words that show which business a mention is about, by industry (``Industry``); when several show,
    /// the first in ``Industry/allCases`` order wins. Optional.
    package var industries: [String: [String]]?
    /// Stopword profiles per language code, for cheap language detection.
    package var languages: [String: [String]]
    /// Languages whose tone the classifier judges; others get a neutral tone and a review flag.
    package var judgedLanguages: [String]
    /// Words the shared lexicon scores that mean something else in a language, by language code:
    /// Portuguese "no" is "in the", not a negator; German "bad" is a bathroom. A text detected as that
    /// language is scored again with them as unknown words. Optional.
    package var falseFriends: [String: [String]]?
    /// Priority weights, level thresholds and reply windows.
    package var priority: PrioritySettings
}
