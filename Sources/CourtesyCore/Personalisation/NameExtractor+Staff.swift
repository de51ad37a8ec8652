extension NameExtractor {
    /// The member of staff a customer praises by name, or nil: "shout out to Farah at the check-in desk",
    /// "Maria made my daughter's birthday", "gracias a Lucía de la tienda", "merci à Julie du service client",
    /// "Dank an Katrin vom Kundenservice", "obrigado à Beatriz do atendimento".
    ///
    /// Precision first, as for the customer's own name: a reply that thanks nobody by name is fine, one
    /// that promises to pass the praise on to "Sydney" is not. The word must be a known given name written
    /// with one capital, other than the customer's, and stand where staff are named: after a phrase that
    /// credits someone ("thanks to", "kudos to", "gracias a") or before words that say where they work or
    /// what they did ("at", "on live chat", "made", "sorted"). Call it for praise only.
    package func praisedStaff(in text: String, customer: String? = nil) -> String? {
        // Over UTF-8 bytes, on every compliment: words are runs of letters (any non-ASCII byte counts as
        // one), hyphens and apostrophes; only a capitalised word becomes a String to look up.
        var text = text
        return text.withUTF8 { bytes -> String? in
            var words: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                guard Self.isWordByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < bytes.count && Self.isWordByte(bytes[index]) { index += 1 }
                words.append(start..<index)
            }
            guard words.count > 1 else { return nil }
            func word(_ position: Int) -> String {
                guard words.indices.contains(position) else { return "" }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[words[position]]), as: UTF8.self)
                    .lowercased()
            }
            for position in words.indices {
                let range = words[position]
                let first = bytes[range.lowerBound]
                // A capital first (ASCII, or Latin-1 such as "Á"), none after it.
                let capitalised =
                    first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
                    || first == 0xC3 && range.count > 1 && bytes[range.lowerBound + 1] < 0x9F
                guard capitalised, range.count >= 2,
                    !bytes[(range.lowerBound + 1)..<range.upperBound].contains(where: {
                        $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")
                    })
                else { continue }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                guard name.count <= Self.maximumLength, isForename(name) else { continue }
                let lowered = name.lowercased()
                guard lowered != customer?.lowercased(), !Self.placeNames.contains(lowered) else { continue }
                let before = word(position - 1)
                let twoBefore = position > 1 ? word(position - 2) + " " + before : before
                if Self.creditsBefore.contains(twoBefore) || Self.creditingWords.contains(before)
                    || Self.staffAfter.contains(word(position + 1))
                {
                    return name
                }
            }
            return nil
        }
    }

    /// A byte of a word: an ASCII letter, a hyphen or apostrophe, or part of a non-ASCII character
    /// (accented letters; a typographic apostrophe).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
            || byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    /// Two words before a name that credit the person named.
    static let creditsBefore: Set<String> = [
        "out to", "shoutout to", "thanks to", "thank you to", "you to", "kudos to", "props to", "credit to",
        "gracias a", "agradecer a", "merci à", "merci a", "bravo à", "bravo a", "danke an", "dank an", "lob an",
        "obrigado à", "obrigada à", "obrigado ao", "obrigada ao", "obrigado a", "obrigada a", "parabéns à",
        "parabéns ao", "agradeço à", "agradeço ao",
        // Whose service or help it was: "great service from Tom", "o atendimento da Carla".
        "service from", "help from", "atención de", "ayuda de", "l'accueil de", "l'aide de", "service von",
        "hilfe von", "atendimento da", "atendimento do", "atendimento de", "ajuda da", "ajuda do",
    ]

    /// A word before a name that credits the person named ("thank Maria", "gracias Lucía").
    static let creditingWords: Set<String> = [
        "thank", "thanks", "kudos", "gracias", "merci", "bravo", "danke", "obrigado", "obrigada", "valeu",
    ]

    /// A word after a name that says where staff work or what they did.
    static let staffAfter: Set<String> = [
        "at", "on", "in", "from", "made", "sorted", "helped", "went", "fixed", "set", "was", "is", "did", "who", "has",
        "de", "del", "en", "me", "nos", "fue", "hizo", "ayudó", "resolvió", "du", "qui", "vom", "von", "aus", "hat",
        "war", "do", "da", "foi", "resolveu", "ajudou",
    ]

    /// Given names that are also places customers write about ("landed in Sydney", "Paris was lovely").
    static let placeNames: Set<String> = [
        "sydney", "paris", "austin", "dallas", "orlando", "denver", "phoenix", "houston", "dublin", "lima",
        "santiago", "valencia", "adelaide", "lincoln", "preston", "jackson", "florida", "india", "china", "jordan",
    ]
}
