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
