extension ToneEvaluation {
    /// The figures of `classifier` on labelled texts: each text classified alone, its tone against the label.
    package init(classifying items: [LabelledText], with classifier: Classifier) {
        self.init()
        for item in items {
            record(expected: item.tone, predicted: classifier.classify(text: item.text).tone)
        }
    }
}
