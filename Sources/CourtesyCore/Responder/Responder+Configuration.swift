import Foundation

extension Responder {
    /// Loads and compiles everything the configuration names: classifier, name lists, templates, roster,
    /// brand profiles.
    /// - Throws: the loader's own error (`ClassifierConfigurationError`, `PersonalisationError`,
    ///   `TemplateError`, `RosterError`, `FactConfigurationError`, `BrandProfileError`, `ToneModelError`), each
    ///   saying what is wrong and where.
    package init(
        configuration: ResponderConfiguration, clock: @escaping @Sendable () -> Timestamp = Timestamp.now
    ) throws {
        let classifier = try Classifier.load(
            configuration: configuration.classifierConfiguration, lexicon: configuration.lexicon
        ).using(configuration.toneModel.map { path throws(ToneModelError) in try ToneModel.load(path: path) })
        let templates = try TemplateLibrary.load(configuration.templates)
        let brands =
            try configuration.brands.map { path in
                try Self.loadBrands(
                    path, topics: Set(classifier.configuration.topics.map(\.id)), languages: Set(templates.languages))
            } ?? BrandProfiles()
        self.init(
            classifier: classifier,
            names: try NameExtractor(),
            roster: try configuration.roster.map { try AgentRoster.load(from: URL(fileURLWithPath: $0)) },
            templates: templates,
            facts: FactExtractor(
                configuration: try configuration.facts.map {
                    try FactConfiguration.load(from: URL(fileURLWithPath: $0))
                }
                    ?? FactConfiguration()),
            limits: configuration.limits, brands: brands,
            clock: clock)
    }

    /// A brands file, checked against the classifier's topics and the languages that have templates.
    static func loadBrands(_ path: String, topics: Set<String>, languages: Set<String>) throws(BrandProfileError)
        -> BrandProfiles
    {
        let brands = try BrandProfiles.load(from: URL(fileURLWithPath: path), topics: topics)
        for profile in brands.profiles.values.sorted(by: { $0.brand < $1.brand }) {
            let wanted = [profile.fallbackLanguage].compactMap { $0 } + profile.phrases.keys.sorted()
            if let missing = wanted.first(where: { !languages.contains($0) }) {
                throw BrandProfileError(
                    source: path, line: nil,
                    message: "[\(profile.brand)] names the language \"\(missing)\", which has no templates; "
                        + "the languages are \(languages.sorted().joined(separator: ", "))")
            }
        }
        return brands
    }
}
