import ArgumentParser
import CourtesyCore
import Foundation

/// `courtesy eval tone` (also plain `courtesy eval`): measures the classifier's tone against labelled data.
struct EvalToneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tone",
        abstract: "Measure reply tone against labelled texts (negative → apology, positive → thanks, neutral).",
        discussion: """
            Reads the "Twitter US Airline Sentiment" CSV layout (columns airline_sentiment and text), \
            or tone corpora (one "tone<TAB>text" or "tone<TAB>language<TAB>text" a line, such as \
            Tests/ToneCorpus/tone-corpus.tsv; --corpus may be given once per file), classifies every text \
            and prints accuracy, per-class precision/recall/F1, macro-F1, the confusion matrix and how many \
            complaints would have been thanked. When texts name their language, the same figures follow \
            for each language, with how often its language was detected and the short messages it was not.
            """
    )

    @Option(name: .long, help: "Path of the airline sentiment CSV.")
    var airline: String?

    @Option(
        name: .long,
        help: "Path of a tone corpus: one \"apology|thanks|neutral[<TAB>language]<TAB>text\" a line (repeatable).")
    var corpus: [String] = []

    @Option(name: .long, help: "Explain how one text is scored instead of running the evaluation.")
    var explain: String?

    @OptionGroup var classifierOptions: ClassifierOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A model from `courtesy train` to choose the tone instead of the rules (figures are then on the texts it was not trained on).",
            valueName: "MODEL"))
    var toneModel: String?

    @Flag(name: .long, help: "With --tone-model, also count the texts the model was trained on.")
    var includeTrained = false

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    @Option(name: .long, help: "Also list this many misjudged texts per confusion cell (to study errors).")
    var errors = 0

    @Option(name: .long, help: "Write one line per text (label, tone, sentiment, text) to this TSV file.")
    var predictions: String?

    @Flag(name: .long, help: "Also time decode → classify → encode with each text wrapped in a mention event.")
    var timing = false

    func run() throws {
        var classifier: Classifier
        var items: [LabelledText]
        var model: ToneModel?
        do {
            model = try toneModel.map { path throws(ToneModelError) in try ToneModel.load(path: path) }
            classifier = try classifierOptions.classifier()
            classifier = classifier.using(model)
            if let explain {
                let classification = classifier.classify(text: explain)
                print(classifier.explain(text: explain).joined(separator: "\n"))
                print(classification)
                return
            }
            switch (airline, corpus.isEmpty) {
            case (let airline?, true): items = try AirlineSentimentCorpus.load(path: airline)
            case (nil, false):
                items = try corpus.flatMap { path throws(EvaluationError) in try ToneCorpus.load(path: path) }
            case (nil, true): throw ValidationError("give --airline PATH or --corpus PATH (or --explain TEXT)")
            case (_?, false): throw ValidationError("give either --airline or --corpus, not both")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        var source = airline ?? corpus.joined(separator: ", ")
        var rulesNote: String?
        if let model {
            let unseen = items.filter { !model.wasTrained(on: $0.text) }
            let seen = items.count - unseen.count
            var note = "tone model \(model.identifier) (\(model.trainedTextCount) texts trained on)"
            if seen > 0 && !includeTrained {
                guard !unseen.isEmpty else {
                    FileHandle.standardError.write(
                        Data(
                            "error: the model was trained on every one of these texts; give --include-trained to measure it anyway\n"
                                .utf8))
                    throw ExitCode.failure
                }
                note += ": \(seen) texts it was trained on left out, figures on the \(unseen.count) it never saw"
                items = unseen
            } else if seen > 0 {
                note += ": \(seen) of these texts were trained on and are counted"
            }
            print(note)
            let rules = ToneEvaluation(classifying: items, with: classifier.using(nil))
            rulesNote =
                "rules on the same texts: macro-F1 \(String(format: "%.3f", rules.macroF1)), "
                + "\(String(format: "%.2f", rules.complaintsThankedShare * 100))% of complaints thanked"
            source += ", tone model \(model.identifier)"
        }

        var evaluation = ToneEvaluation()
        var misjudged: [String: [String]] = [:]
        var rows: [String] = predictions == nil ? [] : ["label\ttone\tintent\tsentiment\tcomplaint\ttext\tscoring"]
        let started = ContinuousClock.now
        for item in items {
            let classification = classifier.classify(text: item.text)
            let predicted = classification.tone
            if predictions != nil {
                let flat = item.text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
                rows.append(
                    "\(item.tone.rawValue)\t\(predicted.rawValue)\t\(classification.intent.rawValue)\t"
                        + "\(String(format: "%.3f", classification.sentiment))\t"
                        + "\(String(format: "%.2f", classification.complaintWeight))\t\(flat)\t"
                        + (classifier.explain(text: item.text).last ?? ""))
            }
            evaluation.record(expected: item.tone, predicted: predicted)
            if errors > 0 && predicted != item.tone {
                let cell = "\(item.tone.rawValue) → \(predicted.rawValue)"
                if misjudged[cell, default: []].count < errors {
                    misjudged[cell, default: []].append(item.text.replacingOccurrences(of: "\n", with: " "))
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        if let predictions {
            do {
                try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: predictions))
            } catch {
                FileHandle.standardError.write(Data("error: cannot write \(predictions): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }

        let languages = LanguageEvaluation.evaluate(items, with: classifier)
        if json {
            print(String(decoding: evaluation.jsonBytes(languages: languages), as: UTF8.self))
        } else {
            let labels = airline != nil ? ToneEvaluation.airlineLabels : ToneEvaluation.toneLabels
            print(evaluation.report(title: "Tone on \(source)", labels: labels))
            if let rulesNote {
                print(rulesNote)
            }
            if !languages.isEmpty {
                print("")
                print(LanguageEvaluation.report(languages))
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let perText = seconds / Double(max(items.count, 1)) * 1e6
            print("")
            print("classified in \(String(format: "%.3f", seconds)) s (\(String(format: "%.2f", perText)) µs per text)")
        }
        if timing {
            print("")
            if classifier.toneModel != nil {
                print(Self.timeClassify(items.map(\.text), classifier: classifier.using(nil), label: "rules alone"))
                print(Self.timeClassify(items.map(\.text), classifier: classifier, label: "with the tone model"))
            }
            print(Self.timePipeline(items.map(\.text), classifier: classifier))
        }
        for cell in misjudged.keys.sorted() {
            print("\n# \(cell)")
            for text in misjudged[cell] ?? [] {
                print("  \(text)")
            }
        }
    }

    /// Classifies every text a few times over; reports the best round's time per text.
    static func timeClassify(_ texts: [String], classifier: Classifier, label: String) -> String {
        var best = Duration.seconds(1_000)
        var sink = 0
        for _ in 0..<5 {
            let started = ContinuousClock.now
            for text in texts {
                sink &+= classifier.classify(text: text).topics.count
            }
            best = min(best, ContinuousClock.now - started)
        }
        // Keeps the results alive, so the optimiser cannot drop the calls.
        if sink == 42 { print("") }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        return "classify, \(label): \(String(format: "%.2f", seconds / Double(max(texts.count, 1)) * 1e6)) µs per text "
            + "(best of 5 rounds)"
    }

    /// Decodes a mention event, classifies it, builds a draft and encodes it, for every text, a few
    /// times over; reports the rate on this one core.
    static func timePipeline(_ texts: [String], classifier: Classifier) -> String {
        let created = Timestamp(millisecondsSinceEpoch: 1_424_776_559_000)
        let events: [[UInt8]] = texts.enumerated().map { index, text in
            Mention(
                id: "\(570_000_000_000_000_000 + index)", platform: .x, brand: "airline",
                author: Mention.Author(
                    id: "\(index % 5000)", handle: "customer\(index % 5000)", followers: index % 3000),
                text: text, createdAt: created
            ).jsonBytes()
        }
        let agent = Draft.Agent(id: "a1", name: "Sam")
        let template = Draft.TemplateChoice(name: "complaint.x.en", variant: 0)
        let rounds = 5
        var bytesOut = 0
        var failures = 0
        let started = ContinuousClock.now
        for _ in 0..<rounds {
            for event in events {
                do throws(EventDecodingError) {
                    let mention = try Mention(json: event)
                    let classification = classifier.classify(mention)
                    let draft = Draft(
                        mention: mention, classification: classification, customerName: nil, agent: agent,
                        text: "Hi, sorry to hear that. ^Sam", template: template, createdAt: created)
                    bytesOut &+= draft.jsonBytes().count
                } catch {
                    failures += 1
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let count = Double(events.count * rounds)
        return "decode → classify → draft → encode: \(Int(count)) events in \(String(format: "%.3f", seconds)) s, "
            + "\(String(format: "%.2f", seconds / count * 1e6)) µs each, \(Int(count / seconds)) per second on one core "
            + "(\(failures) failed, \(bytesOut / Int(count)) bytes per draft)"
    }
}
