extension NameExtractor {
    /// The member of staff a customer praises by name, or nil: "shout out to Farah at the check-in desk",
    /// "Maria made my daughter's birthday", "gracias a Lucía de la tienda".
    ///
    /// Precision first, as for the customer's own name: a reply that thanks nobody by name is fine, one
    /// that promises to pass the praise on to "Sydney" is not. The word must be a known given name written
    /// with one capital, other than the customer's, and stand where staff are named: after a phrase that
    /// credits someone ("thanks to", "kudos to", "gracias a") or before words that say where they work or
    /// what they did ("at", "on live chat", "made", "sorted"). Call it for praise only.
    public func praisedStaff(in text: String, customer: String? = nil) -> String? {
        let words = text.split { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" }
        guard words.count > 1 else { return nil }
        for index in words.indices {
            let word = words[index]
            guard word.count >= 2, word.count <= Self.maximumLength, let first = word.first, first.isUppercase,
                word.dropFirst().allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "'" })
            else { continue }
            let before = index > 0 ? words[index - 1].lowercased() : ""
            let twoBefore = index > 1 ? words[index - 2].lowercased() + " " + before : before
            let after = index + 1 < words.count ? words[index + 1].lowercased() : ""
            guard
                Self.creditsBefore.contains(twoBefore) || Self.creditingWords.contains(before)
                    || Self.staffAfter.contains(after)
            else { continue }
            let name = String(word)
            guard isForename(name), name.lowercased() != customer?.lowercased(),
                !Self.placeNames.contains(name.lowercased())
            else { continue }
            return name
        }
        return nil
    }

    /// Two words before a name that credit the person named.
    static let creditsBefore: Set<String> = [
        "out to", "shoutout to", "thanks to", "thank you to", "you to", "kudos to", "props to", "credit to",
        "gracias a", "agradecer a", "merci à", "danke an", "obrigado à", "obrigada à", "obrigado ao", "obrigada ao",
    ]

    /// A word before a name that credits the person named ("thank Maria", "gracias Lucía").
    static let creditingWords: Set<String> = [
        "thank", "thanks", "kudos", "gracias", "merci", "danke", "obrigado", "obrigada",
    ]

    /// A word after a name that says where staff work or what they did.
    static let staffAfter: Set<String> = [
        "at", "on", "in", "from", "made", "sorted", "helped", "went", "fixed", "set", "was", "is", "did", "who", "has",
        "de", "del", "en", "me", "nos", "fue", "hizo", "ayudó", "resolvió",
    ]

    /// Given names that are also places customers write about ("landed in Sydney", "Paris was lovely").
    static let placeNames: Set<String> = [
        "sydney", "paris", "austin", "dallas", "orlando", "denver", "phoenix", "houston", "dublin", "lima",
        "santiago", "valencia", "adelaide", "lincoln", "preston", "jackson", "florida", "india", "china", "jordan",
    ]
}
