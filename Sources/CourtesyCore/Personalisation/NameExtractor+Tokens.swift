import Foundation

extension NameExtractor {
    /// Splits a display name into words and structure, dropping emoji, decorations, bracketed and
    /// quoted asides, @mentions, hashtags, URLs and invisible characters.
    static func tokens(of displayName: String) -> [NameToken] {
        var text = displayName
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            // NFKC folds styled letters ("𝐉𝐚𝐧𝐞", "Ｊａｎｅ") to plain ones and composes accents.
            text = text.precomposedStringWithCompatibilityMapping
        }
        var tokens: [NameToken] = []
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            let visible = String(String.UnicodeScalarView(chunk.unicodeScalars.filter { !isInvisible($0) }))
            if visible.isEmpty || isLinkOrMention(visible) { continue }
            if visible.allSatisfy({ $0 == "-" || $0 == "–" || $0 == "—" || $0 == "=" }) {
                tokens.append(.separator)
                continue
            }
            appendTokens(of: visible, to: &tokens)
        }
        return tokens
    }

    /// The words of the part of the display name that names the person, or nil when the display
    /// name names several people or none.
    static func nameWords(in tokens: [NameToken]) -> NameParts? {
        let segments = tokens.split(separator: .separator)
        guard
            let segment = segments.first(where: { part in
                part.contains { if case .word = $0 { true } else { false } }
            })
        else { return nil }
        if segment.contains(.conjunction) { return nil }
        let parts = segment.split(separator: .comma).map { part in
            part.compactMap { token -> String? in
                if case .word(let word) = token { word } else { nil }
            }
        }.filter { !$0.isEmpty }
        guard let left = parts.first else { return nil }
        guard parts.count > 1, let right = parts.dropFirst().first, let rightFirst = right.first else {
            return NameParts(words: left, surnameGivenApart: false, apartWord: nil)
        }
        if NameWords.suffixes.contains(bare(rightFirst).lowercased()) || left.count > 1 {
            return NameParts(words: left, surnameGivenApart: false, apartWord: nil)
        }
        // "Smith, Jane": one word before the comma, the given name after it. "Jane, Bob" and "Thomas, Jane"
        // could be two people or either order, so they return nil (the caller cannot check the list here).
        return parts.count == 2 ? NameParts(words: right, surnameGivenApart: true, apartWord: left[0]) : nil
    }

    /// Whether a word after a word-like given name looks like a surname ("Will Smith", not "Summer Vibes").
    static func hasSurname(after rest: ArraySlice<String>, given: String) -> Bool {
        guard let next = rest.first(where: { !NameWords.particles.contains(bare($0).lowercased()) }) else {
            return false
        }
        let word = bare(next)
        let key = word.lowercased()
        guard word.count >= 2, word.unicodeScalars.allSatisfy({ isNameScalar($0) || $0 == "-" || $0 == "'" })
        else { return false }
        if NameWords.ordinaryWords.contains(key) || NameWords.wordLikeNames.contains(key) { return false }
        let givenIsCapitalised = given.first?.isUppercase ?? false
        let nextIsCapitalised = word.first?.isUppercase ?? false
        return givenIsCapitalised == nextIsCapitalised
    }

    /// The word if it can be a given name as written: letters and marks, inner hyphens and apostrophes,
    /// not an initial, 2 to `maximumLength` characters.
    static func nameShaped(_ raw: String) -> String? {
        var word = Substring(raw)
        while let last = word.last, last == "." || last == "-" || last == "'" { word = word.dropLast() }
        while let first = word.first, first == "-" || first == "'" { word = word.dropFirst() }
        guard word.count >= 2, word.count <= maximumLength else { return nil }
        guard word.unicodeScalars.allSatisfy({ isNameScalar($0) || $0 == "-" || $0 == "'" }) else { return nil }
        guard !word.contains("--"), !word.contains("''") else { return nil }
        return String(word)
    }

    /// The word without trailing dots and commas.
    static func bare(_ word: String) -> String {
        var word = Substring(word)
        while let last = word.last, last == "." || last == "," { word = word.dropLast() }
        return String(word)
    }

    /// The name as a greeting shows it: kept as written when mixed case, else capitalised per part.
    static func presentable(_ name: String) -> String {
        let lower = name.lowercased()
        let upper = name.uppercased()
        if name != lower, name != upper, name.first?.isUppercase == true { return name }
        var result = ""
        var capitaliseNext = true
        var partLength = 0
        for character in lower {
            if character == "-" {
                result.append(character)
                capitaliseNext = true
                partLength = 0
            } else if character == "'" {
                result.append(character)
                // "O'Brien", "D'Angelo" but "Ma'soumeh".
                capitaliseNext = partLength == 1
                partLength = 0
            } else {
                result += capitaliseNext ? character.uppercased() : String(character)
                capitaliseNext = false
                partLength += 1
            }
        }
        return result
    }

    /// Whether a handle reads as an organisation's ("JetBlueNews", "acme_support", "shop.daily").
    static func handleMarksOrganisation(_ handle: String) -> Bool {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in handle {
            if character.isLetter {
                if character.isUppercase, previousWasLower {
                    words.append(current)
                    current = ""
                }
                current.append(character)
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.contains { NameWords.organisation.contains($0.lowercased()) }
    }

    /// Letters, and marks that decorate them.
    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            !isFiller(scalar)
        default:
            false
        }
    }

    /// Characters that render as nothing: controls, format characters (bidi overrides, zero-width
    /// spaces and joiners), variation selectors, private-use and unassigned code points.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned:
            return true
        default:
            let value = scalar.value
            return (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) || value == 0x034F
        }
    }

    /// Letters that are blank on screen and used to fake empty or spaced names.
    static func isFiller(_ scalar: Unicode.Scalar) -> Bool {
        [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800].contains(scalar.value)
    }

    private static func isLinkOrMention(_ chunk: String) -> Bool {
        guard let first = chunk.unicodeScalars.first else { return false }
        if first == "@" || first == "#" || first == "＠" || first == "＃" { return true }
        let lower = chunk.lowercased()
        if lower.contains("://") || lower.hasPrefix("www.") || lower.contains("@") { return true }
        guard let dot = lower.lastIndex(of: ".") else { return false }
        let domain = lower[lower.index(after: dot)...]
        return lower.distance(from: lower.startIndex, to: dot) >= 2 && topLevelDomains.contains(String(domain))
    }

    private static let topLevelDomains: Set<String> = [
        "com", "net", "org", "io", "co", "uk", "es", "de", "fr", "me", "ly", "app", "dev", "info", "biz", "tv",
        "us", "ca", "au", "gg", "link", "shop", "store", "online", "site", "xyz", "ai", "mx", "ar", "br",
    ]

    private static func appendTokens(of chunk: String, to tokens: inout [NameToken]) {
        var word = String.UnicodeScalarView()
        var depth = 0
        var inQuote = false
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(word)
            tokens.append(NameWords.conjunctions.contains(text.lowercased()) ? .conjunction : .word(text))
            word = String.UnicodeScalarView()
        }
        for scalar in chunk.unicodeScalars {
            switch scalar {
            case "(", "[", "{", "<", "（", "［", "【", "「", "『", "〔":
                flush()
                depth += 1
                continue
            case ")", "]", "}", ">", "）", "］", "】", "」", "』", "〕":
                flush()
                depth = max(0, depth - 1)
                continue
            case "\"", "“", "”", "«", "»", "„":
                flush()
                inQuote.toggle()
                continue
            default:
                break
            }
            if depth > 0 || inQuote { continue }
            switch scalar {
            case "'", "’", "‘", "ʼ", "`":
                word.append("'")
            case "-", "‐", "‑":
                word.append("-")
            case ".", "_":
                word.append(scalar)
            case ",", "،", "、", "，":
                flush()
                tokens.append(.comma)
            case "&", "+", "＆":
                flush()
                tokens.append(.conjunction)
            case "|", "•", "·", "/", "\\", "—", "–", "~", ":", ";", "!", "?", "*", "¦", "‖", "⋅", "∙", "｜":
                flush()
                tokens.append(.separator)
            default:
                if isNameScalar(scalar) || scalar.properties.generalCategory == .decimalNumber {
                    word.append(scalar)
                } else {
                    flush()
                }
            }
        }
        flush()
    }
}
