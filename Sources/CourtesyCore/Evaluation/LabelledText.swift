/// A text and the tone a reply to it should have, for evaluation.
public struct LabelledText: Sendable, Hashable {
    /// The text.
    public var text: String
    /// The expected tone.
    public var tone: Tone
    /// The language the text is written in, when the corpus says (`es`, `pt-br`).
    public var language: String?

    /// Creates a labelled text.
    public init(text: String, tone: Tone, language: String? = nil) {
        self.text = text
        self.tone = tone
        self.language = language
    }
}
