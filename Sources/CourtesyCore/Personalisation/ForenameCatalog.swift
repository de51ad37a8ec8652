import Foundation

/// The given names shipped with the library.
///
/// `forenames.txt` is the CC0 list of common forenames by country (sigpwned/popular-names-by-country-dataset);
/// `forenames-extra.txt` adds common English and Spanish names and short forms written for Courtesy.
enum ForenameCatalog {
    static let resourceNames = ["forenames", "forenames-extra"]

    /// Every name in the bundled lists, as written there.
    static func bundledNames() throws -> [String] {
        var names: [String] = []
        for resource in resourceNames {
            guard let url = Bundle.module.url(forResource: resource, withExtension: "txt"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                throw PersonalisationError.resourceMissing(name: "\(resource).txt")
            }
            names.append(contentsOf: parse(text))
        }
        return names
    }

    /// The names in a list: one a line, `#` starts a comment line, blank lines ignored.
    static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let name = line.trimmingCharacters(in: .whitespaces)
            return name.isEmpty || name.hasPrefix("#") ? nil : name
        }
    }

    /// The keys a name is found under: lowercase NFC, and the same without accents ("josé", "jose").
    static func lookupKeys(for name: String) -> [String] {
        let lowered = name.precomposedStringWithCanonicalMapping.lowercased()
        let stripped = String(
            String.UnicodeScalarView(
                lowered.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }
            )
        ).precomposedStringWithCanonicalMapping
        return stripped == lowered ? [lowered] : [lowered, stripped]
    }
}
