/// Counts gathered while tokenising a text, beyond the tokens themselves.
struct TextSignals {
    /// `!` characters.
    var exclamations = 0
    /// `?` characters.
    var questionMarks = 0
    /// Runs of two or more `!`/`?` ("!!", "?!").
    var repeatedPunctuation = 0
    /// ASCII capitals in words.
    var upperLetters = 0
    /// ASCII lower-case letters in words.
    var lowerLetters = 0
    /// Letters in Latin script (ASCII included).
    var latinLetters = 0
    /// Letters in other scripts, and the script seen most.
    var otherLetters = 0
    /// The first non-Latin script seen.
    var otherScript: Script?
    /// @handles removed.
    var handles = 0
    /// Links removed.
    var links = 0
    /// Emoji and emoticons.
    var emoji = 0
    /// Words written in capitals with four or more letters (shorter ones are usually codes such as "LAX").
    var shoutedWords = 0
    /// Letters and marks that only one profiled language uses, counted by ``MarkedLanguage``: evidence of
    /// the language in texts too short for many stopwords ("Cadê minha mala?", "Gepäckaufbewahrung?").
    var markedLetters = SIMD4<Int32>()

    /// A language with letters of its own among the profiled ones.
    enum MarkedLanguage: Int, CaseIterable {
        /// ñ, and the opening marks ¿ ¡.
        case spanish
        /// ã õ.
        case portuguese
        /// ä ö ü ß (ü also shows in Spanish "vergüenza", where Spanish stopwords outvote it).
        case german
        /// è ù œ ë ï î û (é, à, â, ê, ô and ç are shared with Portuguese or Spanish).
        case french

        /// The language code the mark counts for.
        var code: String {
            switch self {
            case .spanish: "es"
            case .portuguese: "pt"
            case .german: "de"
            case .french: "fr"
            }
        }

        /// The language of a lower-case letter, if only one uses it.
        init?(letter: UInt32) {
            switch letter {
            case 0xF1: self = .spanish
            case 0xE3, 0xF5: self = .portuguese
            case 0xE4, 0xF6, 0xFC, 0xDF: self = .german
            case 0xE8, 0xF9, 0x153, 0x152, 0xEB, 0xEF, 0xEE, 0xFB: self = .french
            default: return nil
            }
        }
    }

    /// A writing system other than Latin.
    enum Script: String {
        case greek = "Greek"
        case cyrillic = "Cyrillic"
        case hebrew = "Hebrew"
        case arabic = "Arabic"
        case devanagari = "Devanagari"
        case thai = "Thai"
        case hangul = "Hangul"
        case kana = "Japanese kana"
        case han = "Han (Chinese characters)"
        case other = "a non-Latin script"
    }
}
