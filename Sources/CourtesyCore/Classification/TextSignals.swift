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
