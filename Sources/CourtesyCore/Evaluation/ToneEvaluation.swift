/// Tone predictions against labels: accuracy, per-class precision/recall/F1, macro-F1, the
/// confusion matrix, and how many complaints would have been thanked.
package struct ToneEvaluation: Sendable {
    /// The classes in report order.
    package static let tones: [Tone] = [.apology, .thanks, .neutral]

    /// `confusion[expected][predicted]`, indexed as ``tones``.
    package private(set) var confusion: [[Int]] = Array(repeating: [0, 0, 0], count: 3)

    /// Creates an empty evaluation.
    package init() {}

    /// Records one prediction.
    package mutating func record(expected: Tone, predicted: Tone) {
        confusion[Self.index(expected)][Self.index(predicted)] += 1
    }

    /// How many predictions were recorded.
    package var total: Int { confusion.joined().reduce(0, +) }

    /// The share of predictions that match the label.
    package var accuracy: Double {
        ratio((0..<3).reduce(0) { $0 + confusion[$1][$1] }, total)
    }

    /// Precision, recall and F1 of one class.
    package func scores(for tone: Tone) -> (precision: Double, recall: Double, f1: Double, support: Int) {
        let index = Self.index(tone)
        let truePositives = confusion[index][index]
        let predicted = (0..<3).reduce(0) { $0 + confusion[$1][index] }
        let support = confusion[index].reduce(0, +)
        let precision = ratio(truePositives, predicted)
        let recall = ratio(truePositives, support)
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f1, support)
    }

    /// The unweighted mean F1 over the three classes.
    package var macroF1: Double {
        Self.tones.map { scores(for: $0).f1 }.reduce(0, +) / 3
    }

    /// Complaints (apology expected) that would have been thanked.
    package var complaintsThanked: Int {
        confusion[Self.index(.apology)][Self.index(.thanks)]
    }

    /// ``complaintsThanked`` as a share of all complaints.
    package var complaintsThankedShare: Double {
        ratio(complaintsThanked, confusion[Self.index(.apology)].reduce(0, +))
    }

    static func index(_ tone: Tone) -> Int {
        switch tone {
        case .apology: 0
        case .thanks: 1
        case .neutral: 2
        }
    }

    private func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}

extension ToneEvaluation {
    /// The airline data's labels beside the tone each maps to, in the order of ``tones``.
    package static let airlineLabels = LabelNames(
        classes: ["negative → apology", "positive → thanks", "neutral → neutral"], complaint: "negative")
    /// A tone corpus's labels, which are tones already.
    package static let toneLabels = LabelNames(classes: ["apology", "thanks", "neutral"], complaint: "apology")

    /// How a report names the labels of the data it measured.
    package struct LabelNames: Sendable {
        /// One name per class, in the order apology, thanks, neutral.
        package var classes: [String]
        /// What the complaints are called in "… texts thanked".
        package var complaint: String
    }
}

extension ToneEvaluation {
    /// The figures of `classifier` on labelled texts: each text classified alone, its tone against the label.
    package init(classifying items: [LabelledText], with classifier: Classifier) {
        self.init()
        for item in items {
            record(expected: item.tone, predicted: classifier.classify(text: item.text).tone)
        }
    }
}
