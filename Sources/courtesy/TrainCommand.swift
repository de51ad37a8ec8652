import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import Foundation

/// `courtesy train`: fits a tone model to the brand's own labelled texts.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit a tone model to labelled texts: airline CSV, tone corpora, exported decisions.",
        discussion: """
            Reads labelled texts (--airline, --corpus and --decisions, each repeatable, at least one), holds \
            a share out (--holdout), fits a logistic regression over hashed word and character n-grams and \
            the rules' own findings, chooses offsets so that few complaints are thanked, and writes the model \
            to --output. It prints the held-out figures of the model beside the rules'. Use the model with \
            --tone-model on courtesy draft, responder and eval, with the same classifier configuration it \
            was trained with. See docs/classifier.md, "Training on your own data".
            """
    )

    @Option(name: .long, help: ArgumentHelp("An airline sentiment CSV (repeatable).", valueName: "PATH"))
    var airline: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("A tone corpus, tone<TAB>[language<TAB>]text (repeatable).", valueName: "PATH"))
    var corpus: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Examples written by `courtesy decisions export` (repeatable).", valueName: "PATH"))
    var decisions: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where to write the model.", valueName: "MODEL"))
    var output: String

    @Option(name: .long, help: "The share of texts held out to measure the model on (0 to 0.9; 0 fits on all).")
    var holdout = 0.2

    @Option(name: .long, help: "How much a decision counts against one text of a corpus.")
    var decisionWeight: Float = 3

    @Option(name: .long, help: "The most complaints the threshold may thank, as a share (on the calibration texts).")
    var maxComplaintsThanked = 0.02

    @Option(name: .long, help: "Passes over the texts.")
    var epochs = ToneTrainer.Options().epochs

    @Option(name: .long, help: "The L2 penalty on the weights, per update.")
    var l2: Float = ToneTrainer.Options().l2

    @Option(name: .long, help: "The AdaGrad step size.")
    var learningRate: Float = ToneTrainer.Options().learningRate

    @Option(name: .long, help: "log2 of the hashed feature buckets (12 to 22).")
    var bucketBits = ToneTrainer.Options().bucketBits

    @OptionGroup var classifierOptions: ClassifierOptions

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    func validate() throws {
        guard !(airline.isEmpty && corpus.isEmpty && decisions.isEmpty) else {
            throw ValidationError("give at least one of --airline, --corpus or --decisions")
        }
        guard (0...0.9).contains(holdout) else { throw ValidationError("--holdout must be between 0 and 0.9") }
        guard (0...1).contains(maxComplaintsThanked) else {
            throw ValidationError("--max-complaints-thanked must be between 0 and 1")
        }
        guard (1...200).contains(epochs) else { throw ValidationError("--epochs must be between 1 and 200") }
        guard (12...22).contains(bucketBits) else { throw ValidationError("--bucket-bits must be between 12 and 22") }
        guard l2 >= 0, learningRate > 0 else {
            throw ValidationError("--l2 must be 0 or more, --learning-rate positive")
        }
        guard decisionWeight > 0 else { throw ValidationError("--decision-weight must be positive") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let classifier: Classifier
        var examples: [ToneTrainer.Example] = []
        var sources: [String] = []
        do {
            classifier = try classifierOptions.classifier()
            for path in airline {
                let items = try AirlineSentimentCorpus.load(path: path)
                examples += items.map { ToneTrainer.Example(text: $0.text, tone: $0.tone) }
                sources.append("airline \(Self.name(path)): \(items.count) texts")
            }
            for path in corpus {
                let items = try ToneCorpus.load(path: path)
                examples += items.map { ToneTrainer.Example(text: $0.text, tone: $0.tone) }
                sources.append("corpus \(Self.name(path)): \(items.count) texts")
            }
            for path in decisions {
                let items = try DecisionExample.load(path: path)
                examples += items.map { ToneTrainer.Example(text: $0.text, tone: $0.tone, weight: decisionWeight) }
                sources.append("decisions \(Self.name(path)): \(items.count) texts, weight \(decisionWeight)")
            }
        } catch {
            Console.fail("\(error)")
        }
        for source in sources { progress("read \(source)") }

        var options = ToneTrainer.Options()
        options.holdout = holdout
        options.maxComplaintsThanked = maxComplaintsThanked
        options.epochs = epochs
        options.bucketBits = bucketBits
        options.l2 = l2
        options.learningRate = learningRate
        let outcome = ToneTrainer.train(
            examples, classifier: classifier, sources: sources, options: options, progress: progress)
        guard outcome.fitted + outcome.calibrated > 0 else {
            Console.fail(
                "no text was left to fit on (\(outcome.held) held out): give more texts, or --holdout 0 to fit on them all"
            )
        }
        do {
            try outcome.model.write(to: output)
        } catch {
            Console.fail("\(error)")
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "wrote \(output): tone model \(outcome.model.identifier), \(outcome.model.trainedTextCount) texts, "
                + String(format: "%.1f s", seconds))
        print("sha256 \(outcome.model.checksum)")
        guard outcome.held > 0 else {
            print("no texts held out (--holdout 0): no figures")
            return
        }
        let labels = airline.isEmpty ? ToneEvaluation.toneLabels : ToneEvaluation.airlineLabels
        print("")
        print(outcome.heldOut.report(title: "Model on the \(outcome.held) held-out texts", labels: labels))
        print("")
        print(outcome.rulesHeldOut.report(title: "Rules on the same \(outcome.held) texts", labels: labels))
    }

    private func progress(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("courtesy train: \(line)\n".utf8))
    }

    /// A file's name without its directories, for the model's header.
    private static func name(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

}
