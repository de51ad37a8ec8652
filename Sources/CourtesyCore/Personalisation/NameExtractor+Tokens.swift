import Foundation

extension NameExtractor {
    /// Splits a display name into words and structure, dropping emoji, decorations, bracketed and
    /// quoted asides, @mentions, hashtags, URLs and invisible characters.
    static func tokens(of displayName: String) -> [NameToken] {
        var text = displayName
        if needsCompatibilityMapping(text) {
            // NFKC folds styled letters ("𝐉𝐚𝐧𝐞", "Ｊａｎｅ") to plain ones and composes accents.
            text = text.precomposedStringWithCompatibilityMapping
        }
        var tokens: [NameToken] = []
        var chunk = String.UnicodeScalarView()
        func flushChunk() {
            defer { chunk = String.UnicodeScalarView() }
            guard !chunk.isEmpty, !isLinkOrMention(chunk) else { return }
            if chunk.allSatisfy({ $0 == "-" || $0 == "–" || $0 == "—" || $0 == "=" }) {
                tokens.append(.separator)
            } else {
                appendTokens(of: chunk, to: &tokens)
            }
        }
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                flushChunk()
            } else if !isInvisible(scalar) {
                chunk.append(scalar)
            }
        }
        flushChunk()
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
        // Counting characters walks the grapheme breaks: once is enough.
        let length = word.count
        guard length >= 2, length <= maximumLength else { return nil }
        guard word.unicodeScalars.allSatisfy({ isNameScalar($0) || $0 == "-" || $0 == "'" }) else { return nil }
        var previous: Unicode.Scalar = "a"
        for scalar in word.unicodeScalars {
            let isJoiner = scalar == "-" || scalar == "'"
            if isJoiner, previous == "-" || previous == "'" { return nil }
            previous = scalar
        }
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
        var word = String.UnicodeScalarView()
        var previousWasLower = false
        func marks() -> Bool {
            defer { word = String.UnicodeScalarView() }
            return !word.isEmpty && NameWords.organisation.contains(String(word).lowercased())
        }
        for scalar in handle.unicodeScalars {
            guard isNameScalar(scalar) else {
                if marks() { return true }
                previousWasLower = false
                continue
            }
            let isUpper = scalar.isASCII ? ("A"..."Z").contains(scalar) : CachedScalarProperties.isUppercase(scalar)
            if isUpper, previousWasLower, marks() { return true }
            word.append(scalar)
            previousWasLower = !isUpper
        }
        return marks()
    }

    /// Letters, and marks that decorate them.
    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        switch CachedScalarProperties.generalCategory(scalar) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return !isFiller(scalar)
        default:
            return false
        }
    }

    /// Characters that render as nothing: controls, format characters (bidi overrides, zero-width
    /// spaces and joiners), variation selectors, private-use and unassigned code points.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch CachedScalarProperties.generalCategory(scalar) {
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

    /// Whitespace, with a fast path for ASCII.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return CachedScalarProperties.isWhitespace(scalar)
    }

    /// Whether NFKC would change more than nothing that matters: styled and fullwidth letters,
    /// enclosed or letter-like symbols, and combining marks to compose.
    static func needsCompatibilityMapping(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !scalar.isASCII {
            switch scalar.value {
            case 0x0300...0x036F, 0x1D400...0x1D7FF, 0xFF00...0xFFEF, 0x2100...0x214F, 0x2460...0x24FF,
                0x1F100...0x1F1FF, 0x2070...0x209F, 0x1D00...0x1DBF, 0xFB00...0xFB4F:
                return true
            default:
                if CachedScalarProperties.generalCategory(scalar) == .nonspacingMark { return true }
            }
        }
        return false
    }

    private static func isLinkOrMention(_ chunk: String.UnicodeScalarView) -> Bool {
        guard let first = chunk.first else { return false }
        if first == "@" || first == "#" || first == "＠" || first == "＃" { return true }
        // The two scalars before the current one, in locals rather than an array allocated per chunk.
        var beforePrevious: Unicode.Scalar?
        var previous: Unicode.Scalar?
        var lastDot: String.UnicodeScalarView.Index?
        for index in chunk.indices {
            let scalar = chunk[index]
            if scalar == "@" || scalar == "＠" { return true }
            if scalar == "/", previous == "/", beforePrevious == ":" { return true }
            if scalar == "." { lastDot = index }
            beforePrevious = previous
            previous = scalar
        }
        guard let lastDot else { return false }
        let prefix = String(String.UnicodeScalarView(chunk.prefix(4))).lowercased()
        if prefix == "www." { return true }
        let head = chunk.distance(from: chunk.startIndex, to: lastDot)
        let domain = String(String.UnicodeScalarView(chunk[chunk.index(after: lastDot)...])).lowercased()
        return head >= 2 && topLevelDomains.contains(domain)
    }

    private static let topLevelDomains: Set<String> = [
        "com", "net", "org", "io", "co", "uk", "es", "de", "fr", "me", "ly", "app", "dev", "info", "biz", "tv",
        "us", "ca", "au", "gg", "link", "shop", "store", "online", "site", "xyz", "ai", "mx", "ar", "br",
    ]

    private static func appendTokens(of chunk: String.UnicodeScalarView, to tokens: inout [NameToken]) {
        var word = String.UnicodeScalarView()
        var depth = 0
        var inQuote = false
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(word)
            tokens.append(NameWords.conjunctions.contains(text.lowercased()) ? .conjunction : .word(text))
            word = String.UnicodeScalarView()
        }
        for scalar in chunk {
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
                if isNameScalar(scalar) || CachedScalarProperties.generalCategory(scalar) == .decimalNumber {
                    word.append(scalar)
                } else {
                    flush()
                }
            }
        }
        flush()
    }
}
