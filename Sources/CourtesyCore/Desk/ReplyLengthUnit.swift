/// How a platform counts the length of a reply, so the desk refuses what the platform would.
package enum ReplyLengthUnit: Sendable, Hashable {
    /// X's weighted count (twitter-text, version 3): code points in U+0000–U+10FF, U+2000–U+200D,
    /// U+2010–U+201F and U+2032–U+2037 count 1, every other code point 2, an emoji sequence 2 as a
    /// whole, and a link 23 whatever its length.
    case weighted
    /// UTF-16 code units, as JavaScript counts a string (a character outside the Basic Multilingual
    /// Plane, such as most emoji, counts 2).
    case utf16
    /// Unicode code points.
    case codePoints

    /// The length of `text` in this unit.
    package func length(of text: String) -> Int {
        switch self {
        case .weighted: WeightedLength.length(of: text)
        case .utf16: text.utf16.count
        case .codePoints: text.unicodeScalars.count
        }
    }

    /// How the unit is named in messages, e.g. `characters as X counts them`.
    package var name: String {
        switch self {
        case .weighted: "characters as X counts them"
        case .utf16: "UTF-16 code units"
        case .codePoints: "characters (code points)"
        }
    }
}
