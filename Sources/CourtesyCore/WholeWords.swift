/// Phrases found as whole words, in any case: how `courtesy templates check` and the draft scorecard
/// look for "dm", "sorry" or "a like" without matching "admin", "sorrow" or "alike".
struct WholeWords {
    /// The text lowercased as its words (letters, digits, apostrophes, hyphens), each between spaces.
    let joined: String

    init(_ text: String) {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" && $0 != "-" }
        joined = " " + words.joined(separator: " ") + " "
    }

    /// Whether `phrase` (lowercase, words separated by single spaces) is in the text.
    func contains(_ phrase: String) -> Bool {
        joined.contains(" \(phrase) ")
    }

    /// The first of `phrases` in the text.
    func first(of phrases: [String]) -> String? {
        phrases.first { contains($0) }
    }
}
