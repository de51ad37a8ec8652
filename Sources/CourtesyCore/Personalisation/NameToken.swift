/// A piece of a display name after cleaning: a word, or the structure between words.
enum NameToken: Equatable {
    /// Letters, digits and inner punctuation between spaces.
    case word(String)
    /// A comma, as in "Smith, Jane" or "Jane Smith, PhD".
    case comma
    /// "&", "+", "and", "y": the display name joins several people.
    case conjunction
    /// "|", "•", " - " and the like: what follows is not part of the name.
    case separator
}
