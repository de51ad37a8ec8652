import Foundation

/// Finds the customer's first name in a display name, or says there is none worth using.
///
/// The rule is precision first: a reply that greets nobody by name is fine, a reply that greets
/// "Best", "The" or "Jetbluenews" is not. A word is used only when it is a known given name (the
/// bundled lists), it stands first after any title, and the rest of the display name does not mark
/// an organisation, a phrase or several people. Build one extractor and reuse it: it holds the name
/// set and is cheap to call per message.
package struct NameExtractor: Sendable {
    /// The longest first name returned, in characters.
    package static let maximumLength = 24

    private let forenames: Set<String>
    /// The ASCII given names and word lists, for the fast path over bytes.
    let asciiWords: ASCIIWordTable

    /// An extractor over the bundled given-name lists.
    /// - Throws: `PersonalisationError.resourceMissing` when the bundled lists cannot be read.
    package init() throws {
        self.init(forenames: try ForenameCatalog.bundledNames())
    }

    /// An extractor over the given names supplied, matched without regard to case or accents.
    package init(forenames: some Sequence<String>) {
        var keys = Set<String>()
        for name in forenames {
            keys.formUnion(ForenameCatalog.lookupKeys(for: name))
        }
        self.forenames = keys
        var entries: [String: NameWordFlags] = [:]
        func add(_ words: some Sequence<String>, _ flag: NameWordFlags) {
            for word in words { entries[word, default: []].insert(flag) }
        }
        add(keys, .forename)
        add(NameWords.titles, .title)
        add(NameWords.ambiguousTitles, .ambiguousTitle)
        add(NameWords.organisation, .organisation)
        add(NameWords.phrase, .phrase)
        add(NameWords.conjunctions, .conjunction)
        add(NameWords.particles, .particle)
        add(NameWords.wordLikeNames, .wordLikeName)
        add(NameWords.ordinaryWords, .ordinaryWord)
        asciiWords = ASCIIWordTable(entries)
    }

    /// Whether a single word is a known given name (case-insensitive, accents optional).
    package func isForename(_ word: String) -> Bool {
        forenames.contains(word.lowercased())
    }

    /// The first name to greet the customer with, or nil to greet without a name.
    /// - Parameters:
    ///   - displayName: the name the customer shows on the platform, as given.
    ///   - handle: the customer's handle (with or without `@`); an organisation-looking handle
    ///     ("JetBlueNews", "acme_support") means the account is not one person.
    /// - Returns: a given name made of letters, hyphens and apostrophes, at most `maximumLength`
    ///   characters, capitalised when the display name was all lower or all upper case.
    package func firstName(displayName: String?, handle: String?) -> String? {
        guard var displayName, !displayName.isEmpty, displayName.utf8.count <= 512 else { return nil }
        if case .decided(let name) = displayName.withUTF8({ asciiFirstName(displayName: $0, handle: handle) }) {
            return name
        }
        if case .decided(let name) = displayName.withUTF8({ undecoratedFirstName(displayName: $0, handle: handle) }) {
            return name
        }
        return generalFirstName(displayName: displayName, handle: handle)
    }

    /// ``firstName(displayName:handle:)`` for any display name, over Unicode scalars.
    func generalFirstName(displayName: String, handle: String?) -> String? {
        // The ASCII check gives the same answer as the general one for the handles it reads, faster.
        if let handle, asciiHandleMarksOrganisation(handle) ?? Self.handleMarksOrganisation(handle) { return nil }
        let tokens = Self.tokens(of: displayName)
        guard let parts = Self.nameWords(in: tokens) else { return nil }
        if let apart = parts.apartWord, isGivenName(Self.bare(apart)) { return nil }
        let words = dropTitles(parts.words)
        guard let first = words.first else { return nil }
        for word in words {
            let key = Self.bare(word).lowercased()
            if NameWords.organisation.contains(key) || NameWords.phrase.contains(key) { return nil }
            if key.hasSuffix("'s") { return nil }
        }
        guard let candidate = Self.nameShaped(first), isGivenName(candidate) else { return nil }
        if NameWords.wordLikeNames.contains(candidate.lowercased()),
            !parts.surnameGivenApart, !Self.hasSurname(after: words.dropFirst(), given: candidate)
        {
            return nil
        }
        return Self.presentable(candidate)
    }

    /// Whether a word, or each part of a hyphenated word, is a known given name.
    func isGivenName(_ word: String) -> Bool {
        let key = word.lowercased()
        if forenames.contains(key) { return true }
        guard key.utf8.contains(UInt8(ascii: "-")) else { return false }
        let parts = key.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { $0.count >= 2 && forenames.contains(String($0)) }
    }

    /// The words with leading titles removed ("Dr. Jane Smith" → "Jane Smith").
    private func dropTitles(_ words: [String]) -> [String] {
        var words = words[...]
        while words.count > 1, let first = words.first {
            let key = Self.bare(first).lowercased()
            if NameWords.titles.contains(key) {
                words = words.dropFirst()
            } else if NameWords.ambiguousTitles.contains(key), let next = words.dropFirst().first,
                isGivenName(Self.bare(next))
            {
                words = words.dropFirst()
            } else {
                break
            }
        }
        return Array(words)
    }
}
