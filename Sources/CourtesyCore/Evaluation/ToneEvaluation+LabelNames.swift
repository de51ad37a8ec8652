extension ToneEvaluation {
    /// The airline data's labels beside the tone each maps to, in the order of ``tones``.
    public static let airlineLabels = LabelNames(
        classes: ["negative → apology", "positive → thanks", "neutral → neutral"], complaint: "negative")
    /// A tone corpus's labels, which are tones already.
    public static let toneLabels = LabelNames(classes: ["apology", "thanks", "neutral"], complaint: "apology")

    /// How a report names the labels of the data it measured.
    public struct LabelNames: Sendable {
        /// One name per class, in the order apology, thanks, neutral.
        public var classes: [String]
        /// What the complaints are called in "… texts thanked".
        public var complaint: String
    }
}
