/// A text and the tone a reply to it should have, for evaluation.
public struct LabelledText: Sendable, Hashable {
    /// The text.
    public var text: String
    /// The expected tone.
    public var tone: Tone

    /// Creates a labelled text.
    public init(text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }
}
