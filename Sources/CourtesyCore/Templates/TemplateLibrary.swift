/// The reply templates, loaded and parsed once, and the per-message rendering.
///
/// Templates live in one directory per language (`en/`, `es/`), one file per intent with an optional
/// platform suffix (`complaint.mustache` for every platform, `complaint.x.mustache` for X), several
/// variants per file separated by `---` lines, and a `topics.json` of topic phrases. Lookup for a
/// reply is language + intent + platform, then language + intent + default; a language without
/// templates falls back to `defaultLanguage`. The variant is chosen by a stable hash of the request's
/// seed; when it is longer than the platform allows, the next variants in turn are tried, and when
/// none fits rendering throws rather than cut words. See docs/templates.md.
package struct TemplateLibrary: Sendable {
    /// The language used when a reply's language has no templates.
    package static let defaultLanguage = "en"
    /// The fewest variants a template must have so two customers rarely get the same words.
    package static let minimumVariants = 4

    /// Every template file as loaded, by language and key (platform nil for the default file).
    let files: [String: [TemplateKey: TemplateSet]]
    /// The set used for each language, intent and platform, after falling back to the default file.
    let resolved: [String: [TemplateKey: TemplateSet]]
    /// Topic phrases by language, then topic.
    let topicPhrases: [String: [String: String]]
    /// Each language's words for facts and earlier contacts (its `facts.json`).
    let factPhrases: [String: TemplateFactPhrases]
    /// Topic phrases that differ for an industry (`topics.airline.json`), by language, then industry.
    let industryTopicPhrases: [String: [Industry: [String: String]]]
    /// ``resolved`` and ``topicPhrases`` by language, as ``choose(kind:platform:language:inputs:seed:)`` reads them.
    let tables: [TemplateTable]

    init(
        files: [String: [TemplateKey: TemplateSet]], topicPhrases: [String: [String: String]],
        factPhrases: [String: TemplateFactPhrases] = [:],
        industryTopicPhrases: [String: [Industry: [String: String]]] = [:]
    ) {
        self.files = files
        self.topicPhrases = topicPhrases
        self.factPhrases = factPhrases
        self.industryTopicPhrases = industryTopicPhrases
        var resolved: [String: [TemplateKey: TemplateSet]] = [:]
        for (language, sets) in files {
            var table: [TemplateKey: TemplateSet] = [:]
            for kind in ReplyKind.allCases {
                for platform in Platform.allCases {
                    let key = TemplateKey(kind: kind, platform: platform)
                    table[key] = sets[key] ?? sets[TemplateKey(kind: kind, platform: nil)]
                }
            }
            resolved[language] = table
        }
        self.resolved = resolved
        tables = resolved.map {
            TemplateTable(
                language: $0.key, sets: $0.value, topicPhrases: topicPhrases[$0.key], factPhrases: factPhrases[$0.key],
                industryTopicPhrases: industryTopicPhrases[$0.key] ?? [:])
        }
    }

    /// The languages that have templates, sorted.
    package var languages: [String] { files.keys.sorted() }

    /// The reply for a request.
    /// - Throws: `TemplateError.noTemplate` when neither the language nor the default language has a
    ///   template for the intent; `TemplateError.noVariantFits` when every variant is over the platform's limit.
    package func render(_ request: ReplyRequest) throws -> RenderedReply {
        let inputs = ReplyInputs(
            customerName: request.customerName, agentName: request.agentName, topics: request.topics,
            facts: request.facts, earlierFacts: request.earlierFacts, repeated: request.repeated,
            previousContact: request.previousContact, mentionTime: request.mentionTime, industry: request.industry,
            safety: request.safety, staffName: request.staffName, mixed: request.mixed)
        let choice = try choose(
            kind: request.kind, platform: request.platform, language: request.language, inputs: inputs,
            seed: StableHash.hash(request.seed))
        return RenderedReply(
            text: choice.text, template: choice.set.name, variant: choice.index + 1, language: choice.language)
    }

    /// The template, variant and sanitised values of a reply, without making its text: what
    /// ``render(_:)`` renders, and what the responder writes straight into a draft event.
    /// - Parameter seed: the stable hash of the request's seed (``StableHash/hash(_:)``).
    /// - Parameter fallback: the language used when `requested` has no templates (the brand's), before
    ///   ``defaultLanguage``.
    func choose(
        kind: ReplyKind, platform: Platform, language requested: String, inputs: ReplyInputs, seed: UInt64,
        fallback: String? = nil
    ) throws(TemplateError) -> ReplyChoice {
        var language = requested
        var table = self.table(for: language)
        if table == nil {
            if let lowered = language.lowercasedIfDifferent, let found = self.table(for: lowered) {
                language = lowered
                table = found
            } else if let fallback, let found = self.table(for: fallback) {
                language = fallback
                table = found
            } else {
                language = Self.defaultLanguage
                table = self.table(for: language)
            }
        }
        guard let table, let set = table.set(for: kind, on: platform) else {
            throw TemplateError.noTemplate(language: language, kind: kind, platform: platform)
        }
        let values = Self.values(inputs, table: table)
        let mask = values.mask
        let count = set.variants.count
        let start = Int(seed % UInt64(count))
        let limit = platform.replyLengthLimit
        var shortest = Int.max
        for offset in 0..<count {
            let index = (start + offset) % count
            let choice = ReplyChoice(
                set: set, index: index, form: set.variants[index].form(for: mask), values: values, language: language)
            // Templates and sanitised values hold no links, and without one no platform counts more than
            // the UTF-8 bytes, so most replies skip counting.
            if choice.utf8Count <= limit { return choice }
            let characters = platform.replyLength(of: choice.text)
            if characters <= limit { return choice }
            shortest = min(shortest, characters)
        }
        throw TemplateError.noVariantFits(template: set.name, limit: limit, shortest: shortest)
    }

    /// The sanitised values of a reply in a language's table.
    ///
    /// Identifiers come from this mention first, then from earlier contacts, newest first; a duration or
    /// an amount only from this mention, since an earlier one is out of date.
    static func values(_ inputs: ReplyInputs, table: TemplateTable) -> TemplateValues {
        var values = TemplateValues()
        values.customer = ReplyValueSanitiser.name(inputs.customerName)
        values.agent = ReplyValueSanitiser.name(inputs.agentName)
        let phrases = inputs.industry.flatMap { table.industryTopicPhrases[$0.ordinal] } ?? table.topicPhrases
        if inputs.brandPhrases.isEmpty {
            values.topic = phrases.flatMap { topicPhrase(for: inputs.topics, in: $0) }
        } else {
            values.topic = topicPhrase(
                for: inputs.topics, brand: inputs.brandPhrases[table.language] ?? [:], in: phrases ?? [:])
        }
        values.repeated = inputs.repeated
        values.safety = inputs.safety
        values.mixed = inputs.mixed
        values.staff = ReplyValueSanitiser.name(inputs.staffName)
        values.askFor = table.factPhrases?.askFor(industry: inputs.industry)
        guard !inputs.facts.isEmpty || !inputs.earlierFacts.isEmpty || inputs.previousContact != nil else {
            return values
        }
        var first: (kind: Fact.Kind, value: String)?
        for fact in inputs.facts {
            guard let variable = TemplateVariable.forFact(fact.kind), values[variable] == nil,
                let value = ReplyValueSanitiser.fact(fact.value)
            else { continue }
            values[variable] = value
            if first == nil, fact.kind.isIdentifier { first = (fact.kind, value) }
        }
        for fact in inputs.earlierFacts where fact.kind.isIdentifier {
            guard let variable = TemplateVariable.forFact(fact.kind), values[variable] == nil,
                let value = ReplyValueSanitiser.fact(fact.value)
            else { continue }
            values[variable] = value
            if first == nil { first = (fact.kind, value) }
        }
        if let phrases = table.factPhrases {
            if let first { values.reference = phrases.reference(kind: first.kind, value: first.value) }
            if let earlier = inputs.previousContact {
                values.previous = phrases.previous(earlier: earlier, now: inputs.mentionTime)
            }
        }
        return values
    }

    /// The phrase of the first topic the language has one for.
    func topicPhrase(for topics: [String], language: String) -> String? {
        topicPhrases[language].flatMap { Self.topicPhrase(for: topics, in: $0) }
    }

    /// The phrase of the first topic that has one among `phrases`, in any case.
    static func topicPhrase(for topics: [String], in phrases: [String: String]) -> String? {
        for topic in topics {
            if let phrase = phrases[topic] ?? topic.lowercasedIfDifferent.flatMap({ phrases[$0] }) { return phrase }
        }
        return nil
    }

    /// The phrase of the first topic that has one, the brand's before the templates'.
    static func topicPhrase(for topics: [String], brand: [String: String], in phrases: [String: String]) -> String? {
        for topic in topics {
            let lowered = topic.lowercasedIfDifferent
            if let phrase = brand[topic] ?? lowered.flatMap({ brand[$0] }) { return phrase }
            if let phrase = phrases[topic] ?? lowered.flatMap({ phrases[$0] }) { return phrase }
        }
        return nil
    }

    /// The table of a language, compared as given.
    private func table(for language: String) -> TemplateTable? {
        for index in tables.indices where tables[index].language == language { return tables[index] }
        return nil
    }
}
