/// The language a mention is written in, as an ISO 639-1 code (`en`, `es`, `fr`...) or `und`.
package struct Language: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The language code.
    package var rawValue: String

    /// Creates a language from its code.
    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// English.
    package static let english = Language(rawValue: "en")
    /// Spanish.
    package static let spanish = Language(rawValue: "es")
    /// Not determined (too short or no known profile matched).
    package static let undetermined = Language(rawValue: "und")

    /// The code.
    package var description: String { rawValue }
}
