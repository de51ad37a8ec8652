/// The Unicode properties the name rules ask about, looked up once for the first 2,048 code points.
///
/// Asking `Unicode.Scalar.Properties` costs tens of nanoseconds per question, and cleaning one
/// display name asks several questions per character. Latin, Greek, Cyrillic, Armenian, Hebrew and
/// Arabic letters all lie below U+0800, so the answers are cached there; above it the standard
/// library is asked directly. The cache holds the standard library's own answers, so every rule
/// decides exactly as it would without it.
enum CachedScalarProperties {
    /// Code points below this are cached.
    private static let limit: UInt32 = 0x800

    private static let categories: [Unicode.GeneralCategory] = (0..<limit).map { value in
        Unicode.Scalar(value)?.properties.generalCategory ?? .unassigned
    }

    /// Bit 0: whitespace; bit 1: uppercase.
    private static let flags: [UInt8] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return (scalar.properties.isWhitespace ? 1 : 0) | (scalar.properties.isUppercase ? 2 : 0)
    }

    /// `scalar.properties.generalCategory`.
    static func generalCategory(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
        scalar.value < limit ? categories[Int(scalar.value)] : scalar.properties.generalCategory
    }

    /// `scalar.properties.isWhitespace`.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < limit ? flags[Int(scalar.value)] & 1 != 0 : scalar.properties.isWhitespace
    }

    /// `scalar.properties.isUppercase`.
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < limit ? flags[Int(scalar.value)] & 2 != 0 : scalar.properties.isUppercase
    }
}
