/// What an ASCII word is to the name extractor: a given name, a title, an organisation word...
struct NameWordFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let forename = NameWordFlags(rawValue: 1 << 0)
    static let title = NameWordFlags(rawValue: 1 << 1)
    static let ambiguousTitle = NameWordFlags(rawValue: 1 << 2)
    static let organisation = NameWordFlags(rawValue: 1 << 3)
    static let phrase = NameWordFlags(rawValue: 1 << 4)
    static let conjunction = NameWordFlags(rawValue: 1 << 5)
    static let particle = NameWordFlags(rawValue: 1 << 6)
    static let wordLikeName = NameWordFlags(rawValue: 1 << 7)
    static let ordinaryWord = NameWordFlags(rawValue: 1 << 8)
}
