import Foundation

extension SampleMentions {
    /// A new customer: an id in the platform's shape, a display name, handle, reach and locale.
    mutating func makeAuthor(platform: Platform, spanish: Bool) -> Mention.Author {
        let forename = forenames.isEmpty ? nil : pickForename()
        let surname = random.pick(SamplePhrases.surnames)
        let displayName = displayName(forename: forename, surname: surname, platform: platform)
        let handle = handle(forename: forename, surname: surname, platform: platform)
        let locale =
            spanish
            ? random.pick(["es-ES", "es-MX", "es-AR", "es-CO"])
            : random.pick(["en-US", "en-US", "en-US", "en-GB", "en-GB", "en-IE", "en-CA", "en-AU"])
        let id: String
        switch platform {
        case .x: id = random.digits(random.int(in: 8...19))
        case .facebook: id = "1000" + random.digits(11)
        case .instagram: id = random.digits(random.int(in: 9...11))
        case .review: id = "u" + random.digits(7)
        case .email:
            let local = Self.asciiFold((forename ?? "customer") + "." + surname) + random.digits(2)
            id = local + "@" + random.pick(["example.com", "example.org", "example.net", "mail.example"])
        case .chat: id = "visitor-" + random.hex(12)
        }
        return Mention.Author(
            id: id, handle: handle, displayName: displayName, followers: followers(platform),
            verified: platform == .x && random.chance(0.01), locale: random.chance(0.9) ? locale : nil)
    }

    /// A forename from the list, mostly in the Latin script (the customers of these brands), sometimes
    /// any (Cyrillic, Greek, Hangul...).
    private mutating func pickForename() -> String {
        for _ in 0..<8 {
            let name = random.pick(forenames)
            if name.unicodeScalars.allSatisfy({ $0.value < 0x250 }) || random.chance(0.1) { return name }
        }
        return random.pick(forenames)
    }

    /// How people show their name: in full, first name only, in capitals or lowercase, with an emoji
    /// or a tag line, a nickname, or nothing.
    private mutating func displayName(forename: String?, surname: String, platform: Platform) -> String? {
        guard let forename else { return random.chance(0.5) ? random.pick(SamplePhrases.nicknames) : nil }
        switch platform {
        case .email, .facebook, .review:
            return random.chance(0.9) ? forename + " " + surname : forename
        case .chat:
            return random.chance(0.3) ? nil : forename
        case .x, .instagram:
            let roll = random.unit()
            let base: String
            if roll < 0.45 {
                base = forename + " " + surname
            } else if roll < 0.65 {
                base = forename
            } else if roll < 0.75 {
                base = forename + " " + String(surname.prefix(1)) + "."
            } else if roll < 0.82 {
                base = (forename + " " + surname).lowercased()
            } else if roll < 0.87 {
                base = (forename + " " + surname).uppercased()
            } else if roll < 0.94 {
                base = random.pick(SamplePhrases.nicknames)
            } else {
                return nil
            }
            return base + random.pick(SamplePhrases.nameDecorations)
        }
    }

    /// A handle built the way people build them, where the channel has handles.
    private mutating func handle(forename: String?, surname: String, platform: Platform) -> String? {
        guard platform == .x || platform == .instagram || platform == .review else { return nil }
        let first = Self.asciiFold(forename ?? random.pick(["user", "shopper", "traveller", "fan"]))
        let last = Self.asciiFold(surname)
        let separator = platform == .instagram ? "." : "_"
        switch random.below(5) {
        case 0: return first + last
        case 1: return first + separator + String(last.prefix(1))
        case 2: return first + random.digits(random.int(in: 2...4))
        case 3: return String(first.prefix(1)) + last + random.digits(2)
        default: return random.pick(["the", "its", "real", "just", "hey"]) + first
        }
    }

    /// Followers on the channels that show them: most accounts have hundreds, a few have many.
    private mutating func followers(_ platform: Platform) -> Int {
        guard platform == .x || platform == .instagram else { return 0 }
        let roll = random.unit()
        if roll < 0.6 { return random.logUniform(3, 900) }
        if roll < 0.92 { return random.logUniform(900, 9_000) }
        if roll < 0.99 { return random.logUniform(9_000, 120_000) }
        return random.logUniform(120_000, 3_000_000)
    }

    /// Lowercase ASCII letters and digits of `text`: "José O'Brien" → "joseobrien"; empty becomes "user".
    static func asciiFold(_ text: String) -> String {
        let letters = text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
        return letters.isEmpty ? "user" : String(String.UnicodeScalarView(letters))
    }
}
