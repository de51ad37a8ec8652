/// The language a mention is written in, as an ISO 639-1 code (`en`, `es`, `fr`...) or `und`.
public struct Language: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The language code.
    public var rawValue: String

    /// Creates a language from its code.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// English.
    public static let english = Language(rawValue: "en")
    /// Spanish.
    public static let spanish = Language(rawValue: "es")
    /// Not determined (too short or no known profile matched).
    public static let undetermined = Language(rawValue: "und")

    /// The code.
    public var description: String { rawValue }
}
