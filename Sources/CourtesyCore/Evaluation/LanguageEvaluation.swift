/// Tone and language detection on the texts of one labelled language.
package struct LanguageEvaluation: Sendable {
    /// A text whose language was detected as another one.
    package struct Miss: Sendable, Hashable {
        /// The text.
        package var text: String
        /// The language detected.
        package var detected: String
    }

    /// How many words a short message has at most: where detection has least to go on.
    package static let shortWords = 6
    /// How many short messages detected wrongly are kept as examples.
    package static let keptMisses = 8

    /// The language the texts are labelled with.
    package let language: String
    /// The tone figures on these texts.
    package private(set) var tone = ToneEvaluation()
    /// How many texts were detected as their labelled language.
    package private(set) var detected = 0
    /// How many short texts there were, and how many of them were detected as another language.
    package private(set) var shortTexts = 0
    package private(set) var shortMissed = 0
    /// Examples of short texts detected as another language, the first ``keptMisses``.
    package private(set) var shortMisses: [Miss] = []

    package init(language: String) {
        self.language = language
    }

    /// How many texts were judged.
    package var total: Int { tone.total }

    /// The share detected as their labelled language.
    package var detectionAccuracy: Double { total == 0 ? 0 : Double(detected) / Double(total) }

    /// Records one text: its label, the tone and language the classifier gave it.
    package mutating func record(_ item: LabelledText, tone predicted: Tone, language detectedLanguage: Language) {
        tone.record(expected: item.tone, predicted: predicted)
        let right = Self.sameLanguage(detectedLanguage.rawValue, language)
        if right { detected += 1 }
        guard Self.wordCount(item.text) <= Self.shortWords else { return }
        shortTexts += 1
        guard !right else { return }
        shortMissed += 1
        if shortMisses.count < Self.keptMisses {
            shortMisses.append(Miss(text: item.text, detected: detectedLanguage.rawValue))
        }
    }

    /// The figures of every labelled language among `items`, in the order languages first appear; texts
    /// without a language are left out.
    package static func evaluate(_ items: [LabelledText], with classifier: Classifier) -> [LanguageEvaluation] {
        var rows: [LanguageEvaluation] = []
        for item in items {
            guard let language = item.language else { continue }
            let classification = classifier.classify(text: item.text)
            let index =
                rows.firstIndex { $0.language == language }
                ?? {
                    rows.append(LanguageEvaluation(language: language))
                    return rows.count - 1
                }()
            rows[index].record(item, tone: classification.tone, language: classification.language)
        }
        return rows
    }

    /// Whether a detected language is the labelled one (`pt` for `pt-br`).
    static func sameLanguage(_ detected: String, _ labelled: String) -> Bool {
        detected == labelled || labelled.hasPrefix(detected + "-")
    }

    /// Words separated by spaces, @handles and links included, as a reader counts them.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}

extension LanguageEvaluation {
    /// A plain-text table of each language's figures, then the short messages detected wrongly.
    package static func report(_ rows: [LanguageEvaluation]) -> String {
        let pad = ToneEvaluation.pad
        func fixed(_ value: Double) -> String { ToneEvaluation.fixed(value, 3) }
        var lines = [
            "by language (detected: the share whose language was detected as labelled, without the author's locale)",
            pad("language", 10) + pad("texts", 8) + pad("accuracy", 10) + pad("macro-F1", 10)
                + pad("apology thanked", 17) + pad("detected", 10) + "short messages misdetected",
        ]
        for row in rows {
            let apologies = row.tone.confusion[0].reduce(0, +)
            lines.append(
                pad(row.language, 10) + pad("\(row.total)", 8) + pad(fixed(row.tone.accuracy), 10)
                    + pad(fixed(row.tone.macroF1), 10)
                    + pad("\(row.tone.complaintsThanked) of \(apologies)", 17) + pad(fixed(row.detectionAccuracy), 10)
                    + "\(row.shortMissed) of \(row.shortTexts)")
        }
        for row in rows where !row.shortMisses.isEmpty {
            lines.append("")
            lines.append("# \(row.language): short messages (≤ \(shortWords) words) detected as another language")
            for miss in row.shortMisses {
                lines.append("  [\(miss.detected)] \(miss.text)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
