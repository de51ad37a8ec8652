/// One language's template sets, after falling back to the default file, and its topic phrases, as
/// choosing a reply looks them up: the set at its kind and platform's position in one array, where the
/// library's dictionaries would hash the language and then the key for every reply.
///
/// A class, immutable, so that handing the table to a reply retains one reference, not each array.
final class TemplateTable: Sendable {
    /// The language the table serves ("en").
    let language: String
    /// The set of each reply kind and platform, kind by kind in ``ReplyKind/allCases`` order, platforms in
    /// ``Platform/allCases`` order within each kind.
    private let sets: [TemplateSet?]
    /// The language's topic phrases by topic, when it has any.
    let topicPhrases: [String: String]?
    /// The language's words for facts and earlier contacts, when it has a `facts.json`.
    let factPhrases: TemplateFactPhrases?
    /// The topic phrases of each industry that has its own, by ``Industry/ordinal``: the language's, with
    /// the industry's in their place, so a reply looks in one table.
    let industryTopicPhrases: [[String: String]?]

    /// The table of a language's resolved sets and topic phrases.
    init(
        language: String, sets: [TemplateKey: TemplateSet], topicPhrases: [String: String]?,
        factPhrases: TemplateFactPhrases?, industryTopicPhrases: [Industry: [String: String]]
    ) {
        self.language = language
        self.sets = ReplyKind.allCases.flatMap { kind in
            Platform.allCases.map { sets[TemplateKey(kind: kind, platform: $0)] }
        }
        self.topicPhrases = topicPhrases
        self.factPhrases = factPhrases
        self.industryTopicPhrases = Industry.allCases.map { industry in
            industryTopicPhrases[industry].map { (topicPhrases ?? [:]).merging($0) { $1 } }
        }
    }

    /// The set for a reply kind and platform, if the language has one.
    func set(for kind: ReplyKind, on platform: Platform) -> TemplateSet? {
        sets[kind.ordinal * Platform.allCases.count + platform.ordinal]
    }
}
