/// Makes a value safe to put in a reply.
///
/// A customer writes their own display name, so a name could try to mention everyone, link somewhere,
/// smuggle Mustache tags, reverse the text direction or hide characters. A sanitised name has only
/// letters (with their accents), single spaces, hyphens and apostrophes: none of that can be expressed.
package enum ReplyValueSanitiser {
    /// The longest name kept, in characters; longer names are cut at a word or dropped.
    package static let maximumNameLength = 24

    /// The name as a reply may show it, or nil when nothing usable is left.
    ///
    /// Words containing `@`, `#`, `/`, `:`, `{`, `}`, `<`, `>`, `=` or `\`, or a dot before a letter
    /// (mentions, hashtags, links, domains, tags) are dropped whole; other characters that are not letters, hyphens or apostrophes are removed.
    package static func name(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= 1024 else { return nil }
        if isPlainName(raw) { return raw }
        var words: [String] = []
        var length = 0
        for chunk in raw.split(whereSeparator: { $0.isWhitespace }) {
            if chunk.unicodeScalars.contains(where: { droppingMarkers.contains($0) }) || hasInnerDot(chunk) { continue }
            var word = String.UnicodeScalarView()
            for scalar in chunk.unicodeScalars {
                if NameExtractor.isNameScalar(scalar) {
                    let isMark =
                        CachedScalarProperties.generalCategory(scalar) == .nonspacingMark
                        || CachedScalarProperties.generalCategory(scalar) == .spacingMark
                        || CachedScalarProperties.generalCategory(scalar) == .enclosingMark
                    if isMark, word.isEmpty { continue }
                    word.append(scalar)
                } else if scalar == "-" || scalar == "'" || scalar == "’" {
                    if let last = word.last, last != "-", last != "'" { word.append(scalar == "’" ? "'" : scalar) }
                }
            }
            while let last = word.last, last == "-" || last == "'" { word.removeLast() }
            guard !word.isEmpty else { continue }
            let text = String(word)
            let added = text.count + (words.isEmpty ? 0 : 1)
            guard length + added <= maximumNameLength else { break }
            words.append(text)
            length += added
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The longest fact value a reply quotes, in characters; longer ones are not quoted.
    package static let maximumFactLength = 30

    /// A fact the customer gave ("#48213", "5 days", "$49.99") as a reply may quote it, or nil.
    ///
    /// Only letters, digits, single spaces and `# $ € £ ¥ ₹ . , ' -` are kept, and a value holding a
    /// mention, a link or anything else is refused whole rather than trimmed: the customer wrote it, and a
    /// reply must not repeat a link or a mention a connector or a brand pattern let through.
    package static func fact(_ raw: String) -> String? {
        guard !raw.isEmpty, raw.count <= maximumFactLength else { return nil }
        var previousSpace = true
        for scalar in raw.unicodeScalars {
            if scalar == " " {
                if previousSpace { return nil }
                previousSpace = true
                continue
            }
            previousSpace = false
            let allowed =
                NameExtractor.isNameScalar(scalar) || isFactPunctuation(scalar)
                || CachedScalarProperties.generalCategory(scalar) == .decimalNumber
            if !allowed { return nil }
        }
        if previousSpace { return nil }
        var bytes = raw
        let link = bytes.withUTF8 { containsIgnoringASCIICase($0, "www.") || containsIgnoringASCIICase($0, "http") }
        return link ? nil : raw
    }

    /// The punctuation a fact may hold: `# $ € £ ¥ ₹ . , ' ’ -`.
    private static func isFactPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "#", "$", "€", "£", "¥", "₹", ".", ",", "'", "’", "-": true
        default: false
        }
    }

    /// Whether `bytes` hold `word` (lowercase ASCII) in any ASCII case. No other letter lowercases to an ASCII
    /// one that a link needs, so this is what lowercasing the whole value and searching it would say.
    private static func containsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { UTF8Scalar.firstIndex(of: $0, in: bytes, ignoringASCIICase: true) != nil }
    }

    /// Characters that mark a word as a mention, hashtag, link or markup; such words are dropped.
    private static let droppingMarkers: Set<Unicode.Scalar> = [
        "@", "#", "/", ":", "{", "}", "<", ">", "=", "\\", "＠", "＃", "﹫", "﹟",
    ]

    /// Whether a dot is followed by a letter, as in a domain ("evil.com") or run-together initials.
    private static func hasInnerDot(_ chunk: Substring) -> Bool {
        var afterDot = false
        for character in chunk {
            if afterDot, character.isLetter { return true }
            afterDot = character == "." || character == "。" || character == "．"
        }
        return false
    }

    /// The fast path: letters with single inner spaces, hyphens or apostrophes, short enough, which
    /// the rules above would keep exactly as they are.
    private static func isPlainName(_ raw: String) -> Bool {
        var raw = raw
        if let plain = raw.withUTF8(isPlainASCIIName) { return plain }
        var scalars = 0
        var previousIsLetter = false
        for scalar in raw.unicodeScalars {
            scalars += 1
            guard scalars <= maximumNameLength else { return false }
            if scalar == " " || scalar == "-" || scalar == "'" {
                guard previousIsLetter else { return false }
                previousIsLetter = false
            } else if isLetter(scalar) {
                previousIsLetter = true
            } else {
                return false
            }
        }
        return previousIsLetter
    }

    /// ``isPlainName(_:)`` over the bytes of an ASCII name, where each byte is a scalar; `nil` for
    /// a name that is not ASCII.
    private static func isPlainASCIIName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Not plain, if the name is ASCII; else the scalar rules decide.
        func rejected() -> Bool? { bytes.allSatisfy { $0 < 0x80 } ? false : nil }
        guard bytes.count <= maximumNameLength else { return rejected() }
        var previousIsLetter = false
        for byte in bytes {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") {
                guard previousIsLetter else { return rejected() }
                previousIsLetter = false
            } else if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                previousIsLetter = true
            } else {
                return rejected()
            }
        }
        return previousIsLetter
    }

    /// A letter of any script (not a mark, not a blank filler letter).
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        switch CachedScalarProperties.generalCategory(scalar) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter:
            return !NameExtractor.isFiller(scalar)
        default:
            return false
        }
    }
}
