/// X's weighted length of a post, after twitter-text's version 3 configuration: a scale of 100 and a
/// limit of 280 means a text of light characters may have 280 of them, a text of heavy ones 140.
///
/// - Code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 count 1; every
///   other code point counts 2.
/// - An emoji sequence (skin tones, zero-width-joiner sequences, flags, keycaps, tag sequences)
///   counts 2 as a whole.
/// - A link beginning `http://` or `https://` counts 23 whatever its length, as X wraps it in a
///   t.co link. Text that X might make a link of without a scheme (a word with a dot before two or
///   more letters, such as `acme.example`) counts at least 23.
///
/// Where this differs from X it counts more: a trailing punctuation mark or non-ASCII part of a link
/// counts on its own, text is not normalised to NFC before counting (a decomposed accent counts 1
/// more), and any domain-like word counts as a link would. One case counts less: X keeps no list of
/// top-level domains here, so a link with a scheme and a domain X does not know counts 23 where X
/// counts its characters.
enum WeightedLength {
    /// What a link counts.
    static let linkLength = 23

    static func length(of text: String) -> Int {
        // ASCII without a dot holds no link (a host needs a dot) and no emoji sequence (a keycap needs
        // U+20E3): every byte counts 1.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: ".") }) { return text.utf8.count }
        let scalars = Array(text.unicodeScalars)
        var total = 0
        var index = 0
        var previous: Unicode.Scalar?
        while index < scalars.count {
            if startsToken(after: previous), let link = link(in: scalars, at: index) {
                total += link.counts
                index = link.end
            } else if let end = emojiSequenceEnd(in: scalars, at: index) {
                total += 2
                index = end
            } else {
                total += weight(scalars[index])
                index += 1
            }
            previous = scalars[index - 1]
        }
        return total
    }

    /// 1 for the light ranges, 2 for every other code point.
    static func weight(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0...0x10FF, 0x2000...0x200D, 0x2010...0x201F, 0x2032...0x2037: 1
        default: 2
        }
    }

    // MARK: Links

    /// Whether a link may start after `previous`: at the start, or after anything but a letter or digit.
    private static func startsToken(after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        return !isASCIIAlphanumeric(previous)
    }

    /// The link starting at `start`, if there is one: where it ends, and what it counts.
    private static func link(in scalars: [Unicode.Scalar], at start: Int) -> (end: Int, counts: Int)? {
        guard isASCIIAlphanumeric(scalars[start]) else { return nil }
        let hostStart = schemeEnd(in: scalars, at: start)
        var index = hostStart ?? start
        while index < scalars.count, isHostCharacter(scalars[index]) {
            index += 1
        }
        // A host ends with a letter or digit: a full stop after it ends the sentence.
        while index > (hostStart ?? start), !isASCIIAlphanumeric(scalars[index - 1]) {
            index -= 1
        }
        let host = (hostStart ?? start)..<index
        let lastDot = scalars[host].lastIndex(of: ".")
        guard let lastDot, lastDot > host.lowerBound, isASCIIAlphanumeric(scalars[lastDot - 1]) else { return nil }
        let topLevel = scalars[(lastDot + 1)..<index]
        if hostStart == nil {
            // Without a scheme, only what ends like a domain name (two or more letters) may be a link.
            guard topLevel.count >= 2, topLevel.allSatisfy(isASCIILetter) else { return nil }
        } else {
            guard !topLevel.isEmpty else { return nil }
        }
        if index < scalars.count, ["/", "?", "#", ":"].contains(scalars[index]) {
            while index < scalars.count, isURLCharacter(scalars[index]) {
                index += 1
            }
        }
        // Punctuation after a link usually ends the sentence; it counts on its own.
        while index > host.upperBound, !isLinkEnding(scalars[index - 1]) {
            index -= 1
        }
        if hostStart != nil { return (index, linkLength) }
        var own = 0
        for scalar in scalars[start..<index] { own += weight(scalar) }
        return (index, max(linkLength, own))
    }

    /// Where the host starts after `http://` or `https://` at `start`, in any case; `nil` without a scheme.
    private static func schemeEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        let http: [UInt32] = [0x68, 0x74, 0x74, 0x70]
        var index = start
        for expected in http {
            guard index < scalars.count, lowercased(scalars[index]) == expected else { return nil }
            index += 1
        }
        if index < scalars.count, lowercased(scalars[index]) == 0x73 { index += 1 }
        for expected: Unicode.Scalar in [":", "/", "/"] {
            guard index < scalars.count, scalars[index] == expected else { return nil }
            index += 1
        }
        return index
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> UInt32 {
        (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || (0x30...0x39).contains(scalar.value)
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "-"
    }

    /// The characters of a URL's path, query and fragment (RFC 3986), ASCII only.
    private static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar)
    }

    /// Characters a link may end with; anything else at its end is left out of it.
    private static func isLinkEnding(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "/"
    }

    // MARK: Emoji

    /// The end of the emoji sequence starting at `start`, if one does.
    private static func emojiSequenceEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        let first = scalars[start]
        if isRegionalIndicator(first) {
            return start + 1 < scalars.count && isRegionalIndicator(scalars[start + 1]) ? start + 2 : nil
        }
        guard var index = emojiEnd(in: scalars, at: start) else { return nil }
        while index + 1 < scalars.count, scalars[index] == "\u{200D}",
            let next = emojiEnd(in: scalars, at: index + 1)
        {
            index = next
        }
        return index
    }

    /// The end of one emoji with its presentation selector, skin tone, keycap or tags.
    private static func emojiEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        let base = scalars[start]
        guard base.properties.isEmoji else { return nil }
        var index = start + 1
        let selected = index < scalars.count && scalars[index] == "\u{FE0F}"
        if selected { index += 1 }
        if base.isASCII {
            // Digits, `#` and `*` are emoji only as keycaps.
            guard index < scalars.count, scalars[index] == "\u{20E3}" else { return nil }
            return index + 1
        }
        let modified = index < scalars.count && (0x1F3FB...0x1F3FF).contains(scalars[index].value)
        guard base.properties.isEmojiPresentation || selected || modified else { return nil }
        if modified { index += 1 }
        if index < scalars.count, scalars[index] == "\u{20E3}" { index += 1 }
        while index < scalars.count, (0xE0020...0xE007F).contains(scalars[index].value) {
            index += 1
            if scalars[index - 1].value == 0xE007F { break }
        }
        return index
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
