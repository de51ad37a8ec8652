import Foundation

extension Responder {
    /// Loads and compiles everything the configuration names: classifier, name lists, templates, roster.
    /// - Throws: the loader's own error (`ClassifierConfigurationError`, `PersonalisationError`,
    ///   `TemplateError`, `RosterError`, `FactConfigurationError`), each saying what is wrong and where.
    public init(
        configuration: ResponderConfiguration, clock: @escaping @Sendable () -> Timestamp = Timestamp.now
    ) throws {
        let classifierConfiguration =
            try configuration.classifierConfiguration.map {
                try ClassifierConfiguration.load(from: URL(fileURLWithPath: $0))
            }
            ?? ClassifierConfiguration.shipped()
        let lexicon =
            try configuration.lexicon.map { try ClassifierConfiguration.loadLexicon(from: URL(fileURLWithPath: $0)) }
            ?? ClassifierConfiguration.shippedLexicon()
        self.init(
            classifier: try Classifier(configuration: classifierConfiguration, baseLexicon: lexicon),
            names: try NameExtractor(),
            roster: try configuration.roster.map { try AgentRoster.load(from: URL(fileURLWithPath: $0)) },
            templates: try TemplateLibrary.load(configuration.templates),
            facts: FactExtractor(
                configuration: try configuration.facts.map {
                    try FactConfiguration.load(from: URL(fileURLWithPath: $0))
                }
                    ?? FactConfiguration()),
            limits: configuration.limits,
            clock: clock)
    }
}
