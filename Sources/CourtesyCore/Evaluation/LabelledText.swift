/// A text and the tone a reply to it should have, for evaluation.
package struct LabelledText: Sendable, Hashable {
    /// The text.
    package var text: String
    /// The expected tone.
    package var tone: Tone
    /// The language the text is written in, when the corpus says (`es`, `pt-br`).
    package var language: String?

    /// Creates a labelled text.
    package init(text: String, tone: Tone, language: String? = nil) {
        self.text = text
        self.tone = tone
        self.language = language
    }
}
