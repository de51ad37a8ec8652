import ArgumentParser
import CourtesyCore
import Foundation

/// How a command builds its ``Responder``: templates, roster, classifier files and limits.
///
/// Shared by `courtesy draft` and `courtesy responder`, so the offline tool and the service draft alike.
struct ResponderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The templates directory (default: $\(TemplateLibrary.environmentVariable), else ./templates, else the shipped templates).",
            valueName: "DIR"))
    var templates: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The agent roster (default: $\(ResponderConfiguration.rosterEnvironmentVariable); without one, replies are unsigned and assigned to the team).",
            valueName: "FILE"))
    var roster: String?

    @OptionGroup var classifierOptions: ClassifierOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The brand's own identifier formats and products (docs/facts.md); a bad line stops start-up.",
            valueName: "FILE"))
    var facts: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The brands' profiles: industry, accounts, sign-off, own words (docs/brands.md; default: "
                + "$\(ResponderConfiguration.brandsEnvironmentVariable)); a bad line stops start-up.",
            valueName: "FILE"))
    var brands: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A tone model from `courtesy train` that chooses the reply's tone instead of the rules (default: "
                + "$\(ResponderConfiguration.toneModelEnvironmentVariable)); a bad model stops start-up.",
            valueName: "MODEL"))
    var toneModel: String?

    @Option(name: .long, help: ArgumentHelp("The largest event accepted, in bytes.", valueName: "BYTES"))
    var maxEventBytes = EventLimits.standard.maxEventBytes

    /// The responder configuration these options describe, with the environment's defaults.
    func configuration() throws -> ResponderConfiguration {
        guard maxEventBytes > 0 else { throw ValidationError("--max-event-bytes must be positive") }
        let environment = ProcessInfo.processInfo.environment
        var limits = EventLimits.standard
        limits.maxEventBytes = maxEventBytes
        let rosterPath =
            roster
            ?? environment[ResponderConfiguration.rosterEnvironmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        var configuration = ResponderConfiguration(
            classifierConfiguration: classifierOptions.config, lexicon: classifierOptions.lexicon,
            templates: TemplateLibrary.locate(
                option: templates, environment: environment,
                currentDirectory: FileManager.default.currentDirectoryPath),
            roster: rosterPath, facts: facts, limits: limits)
        configuration.toneModel =
            toneModel
            ?? environment[ResponderConfiguration.toneModelEnvironmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        configuration.brands =
            brands ?? environment[ResponderConfiguration.brandsEnvironmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        return configuration
    }
}
