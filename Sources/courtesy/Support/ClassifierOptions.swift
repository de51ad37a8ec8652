import ArgumentParser
import CourtesyCore

/// `--config` and `--lexicon`: the classifier a command judges tone with, shared by the commands that build one.
struct ClassifierOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("A classifier configuration to use instead of the shipped one.", valueName: "FILE"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A base lexicon (VADER format) to use instead of the shipped one.", valueName: "FILE"))
    var lexicon: String?

    /// The classifier these options name.
    func classifier() throws(ClassifierConfigurationError) -> Classifier {
        try Classifier.load(configuration: config, lexicon: lexicon)
    }
}
