/// One language's template sets, after falling back to the default file, and its topic phrases, as
/// choosing a reply looks them up: a few comparisons in short arrays, where the library's
/// dictionaries would hash the language and then the key for every reply.
///
/// A class, immutable, so that handing the table to a reply retains one reference, not each array.
final class TemplateTable: Sendable {
    /// The language the table serves ("en").
    let language: String
    /// The intents and platforms that have a set, and the set of each, in the same order.
    private let keys: [TemplateKey]
    private let sets: [TemplateSet]
    /// The language's topic phrases by topic, when it has any.
    let topicPhrases: [String: String]?
    /// The language's words for facts and earlier contacts, when it has a `facts.json`.
    let factPhrases: TemplateFactPhrases?
    /// Topic phrases that differ for an industry.
    let industryTopicPhrases: [Industry: [String: String]]

    /// The table of a language's resolved sets and topic phrases.
    init(
        language: String, sets: [TemplateKey: TemplateSet], topicPhrases: [String: String]?,
        factPhrases: TemplateFactPhrases?, industryTopicPhrases: [Industry: [String: String]]
    ) {
        self.language = language
        keys = sets.map(\.key)
        self.sets = sets.map(\.value)
        self.topicPhrases = topicPhrases
        self.factPhrases = factPhrases
        self.industryTopicPhrases = industryTopicPhrases
    }

    /// The set for an intent and platform, if the language has one.
    func set(for key: TemplateKey) -> TemplateSet? {
        for index in keys.indices where keys[index] == key { return sets[index] }
        return nil
    }
}
