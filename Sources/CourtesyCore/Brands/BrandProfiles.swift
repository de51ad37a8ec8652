import Foundation

/// The profiles of the brands a deployment answers for, from an optional brands file.
///
/// The file has one `[brand]` section per brand, named as in mention events, then `key = value` lines;
/// blank lines and lines starting with `#` are skipped:
///
/// ```
/// [skylark]
/// industry = airline
/// fallback-language = en
/// sign-off = initials
/// account.x = @SkylarkAir
/// account.facebook = Skylark Airlines
/// phrase.en.delivery = your booking
/// phrase.es.delivery = tu reserva
/// ```
///
/// Keys: `industry` (retail, airline, telecom, bank, utility, software, hospitality), `fallback-language`,
/// `sign-off` (name, initials, none), `account.PLATFORM` and `phrase.LANGUAGE.TOPIC`. See docs/brands.md.
package struct BrandProfiles: Sendable, Hashable {
    /// The profiles by brand.
    package let profiles: [String: BrandProfile]

    package init(_ profiles: [BrandProfile] = []) {
        self.profiles = Dictionary(profiles.map { ($0.brand, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The profile of a brand, if the file has one.
    package func profile(for brand: String) -> BrandProfile? {
        profiles[brand]
    }

    /// Reads a brands file.
    /// - Parameter topics: the topic ids a phrase may name (the classifier's); nil accepts any.
    /// - Throws: ``BrandProfileError`` naming the file, the line and what is wrong.
    package static func load(from url: URL, topics: Set<String>? = nil) throws(BrandProfileError) -> BrandProfiles {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BrandProfileError(
                source: url.path, line: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BrandProfileError(source: url.path, line: nil, message: "the file is not UTF-8")
        }
        return try parse(text, source: url.path, topics: topics)
    }

    /// Reads brand profiles from text; `source` names it in errors.
    /// - Throws: ``BrandProfileError`` naming `source`, the line and what is wrong.
    package static func parse(_ text: String, source: String, topics: Set<String>? = nil) throws(BrandProfileError)
        -> BrandProfiles
    {
        var profiles: [BrandProfile] = []
        var sectionLines: [String: Int] = [:]
        var keyLines: [String: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            func fail(_ message: String) -> BrandProfileError {
                BrandProfileError(source: source, line: number, message: message)
            }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw fail("a section is a brand name in brackets, such as [skylark]")
                }
                let brand = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                guard !brand.isEmpty, !brand.contains(where: { $0.isWhitespace || $0 == "[" || $0 == "]" }) else {
                    throw fail("\"\(brand)\" is not a brand name: one word, as the brand is named in mention events")
                }
                if let first = sectionLines[brand] {
                    throw fail("[\(brand)] appears twice (first at line \(first))")
                }
                sectionLines[brand] = number
                keyLines = [:]
                profiles.append(BrandProfile(brand: brand))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw fail("expected \"key = value\" or a [brand] section, found \"\(line.prefix(60))\"")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !profiles.isEmpty else {
                throw fail("\"\(key)\" comes before any [brand] section")
            }
            guard !value.isEmpty else { throw fail("\"\(key)\" has no value") }
            if let first = keyLines[key] {
                throw fail(
                    "\"\(key)\" is set twice for [\(profiles[profiles.count - 1].brand)] (first at line \(first))")
            }
            keyLines[key] = number
            do throws(BrandProfileError.Problem) {
                try set(key: key, value: value, in: &profiles[profiles.count - 1], topics: topics)
            } catch {
                throw fail(error.message)
            }
        }
        return BrandProfiles(profiles)
    }

    /// Applies one `key = value` line to a profile.
    private static func set(key: String, value: String, in profile: inout BrandProfile, topics: Set<String>?)
        throws(BrandProfileError.Problem)
    {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("industry", 1):
            guard let industry = Industry(rawValue: value) else {
                throw .init("unknown industry \"\(value)\"; use one of \(Self.list(Industry.allCases.map(\.rawValue)))")
            }
            profile.industry = industry
        case ("fallback-language", 1):
            guard TemplateLibrary.isLanguageCode(value) else {
                throw .init("\"\(value)\" is not a language code such as en, es or pt-br")
            }
            profile.fallbackLanguage = value
        case ("sign-off", 1):
            guard let signOff = BrandProfile.SignOff(rawValue: value) else {
                throw .init(
                    "unknown sign-off \"\(value)\"; use one of \(Self.list(BrandProfile.SignOff.allCases.map(\.rawValue)))"
                )
            }
            profile.signOff = signOff
        case ("account", 2):
            guard let platform = Platform(rawValue: parts[1]) else {
                throw .init(
                    "unknown platform \"\(parts[1])\" in \"\(key)\"; use one of "
                        + Self.list(Platform.allCases.map(\.rawValue)))
            }
            guard value.count <= 100,
                !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw .init("the account must be one line of at most 100 characters")
            }
            profile.accounts[platform] = value
        case ("phrase", 3):
            let (language, topic) = (parts[1], parts[2])
            guard TemplateLibrary.isLanguageCode(language) else {
                throw .init("\"\(language)\" in \"\(key)\" is not a language code such as en, es or pt-br")
            }
            if let topics, !topics.contains(topic) {
                throw .init("unknown topic \"\(topic)\" in \"\(key)\"; the topics are \(Self.list(topics.sorted()))")
            }
            if let problem = TemplateLibrary.topicPhraseProblem(value) {
                throw .init("\"\(key)\": \(problem)")
            }
            profile.phrases[language, default: [:]][topic] = value
        default:
            throw .init(
                "unknown key \"\(key)\"; the keys are industry, fallback-language, sign-off, account.PLATFORM and "
                    + "phrase.LANGUAGE.TOPIC")
        }
    }

    private static func list(_ names: [String]) -> String {
        names.joined(separator: ", ")
    }
}

extension BrandProfileError {
    /// What is wrong with one line, before the caller adds where.
    struct Problem: Error {
        let message: String

        init(_ message: String) {
            self.message = message
        }
    }
}
