import ArgumentParser
import CourtesyCore
import Foundation

/// `courtesy eval`: measures the classifier's tone against labelled data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure reply tone against labelled tweets (negative → apology, positive → thanks, neutral).",
        discussion: """
            Reads the "Twitter US Airline Sentiment" CSV layout (columns airline_sentiment and text), \
            classifies every text and prints accuracy, per-class precision/recall/F1, macro-F1, the \
            confusion matrix and how many negative texts would have been thanked.
            """
    )

    @Option(name: .long, help: "Path of the airline sentiment CSV.")
    var airline: String

    @Option(name: .long, help: "A classifier configuration to use instead of the shipped one.")
    var config: String?

    @Option(name: .long, help: "A base lexicon (VADER format) to use instead of the shipped one.")
    var lexicon: String?

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    @Option(name: .long, help: "Also list this many misjudged texts per confusion cell (to study errors).")
    var errors = 0

    func run() throws {
        let classifier: Classifier
        let items: [LabelledText]
        do {
            let configuration =
                try config.map { try ClassifierConfiguration.load(from: URL(fileURLWithPath: $0)) }
                ?? ClassifierConfiguration.shipped()
            let baseLexicon =
                try lexicon.map { try ClassifierConfiguration.loadLexicon(from: URL(fileURLWithPath: $0)) }
                ?? ClassifierConfiguration.shippedLexicon()
            classifier = try Classifier(configuration: configuration, baseLexicon: baseLexicon)
            items = try AirlineSentimentCorpus.load(path: airline)
        } catch {
            throw ValidationError("\(error)")
        }

        var evaluation = ToneEvaluation()
        var misjudged: [String: [String]] = [:]
        let started = ContinuousClock.now
        for item in items {
            let predicted = classifier.classify(text: item.text).tone
            evaluation.record(expected: item.tone, predicted: predicted)
            if errors > 0 && predicted != item.tone {
                let cell = "\(item.tone.rawValue) → \(predicted.rawValue)"
                if misjudged[cell, default: []].count < errors {
                    misjudged[cell, default: []].append(item.text.replacingOccurrences(of: "\n", with: " "))
                }
            }
        }
        let elapsed = ContinuousClock.now - started

        if json {
            print(String(decoding: evaluation.jsonBytes(), as: UTF8.self))
        } else {
            print(evaluation.report(title: "Tone on \(airline)"))
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let perText = seconds / Double(max(items.count, 1)) * 1e6
            print("")
            print("classified in \(String(format: "%.3f", seconds)) s (\(String(format: "%.2f", perText)) µs per text)")
        }
        for cell in misjudged.keys.sorted() {
            print("\n# \(cell)")
            for text in misjudged[cell] ?? [] {
                print("  \(text)")
            }
        }
    }
}
