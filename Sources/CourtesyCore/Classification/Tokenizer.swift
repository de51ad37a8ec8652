/// Splits a text's UTF-8 into tokens in one pass, without building intermediate strings.
///
/// @handles, links and HTML entities are dropped (a brand handle such as `@united` is not praise);
/// hashtags keep their word; emoji and emoticons become tokens of their own; letters are
/// lower-cased (ASCII and Latin-1) and typographic apostrophes become `'`, so "Don’t" and "don't"
/// share a key. Punctuation ends a clause, which bounds negation.
enum Tokenizer {
    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// Tokenises `text`, appending to `tokens` and counting into `signals`. With a `vocabulary`,
    /// hashtags it does not know are split into the words they run together (see
    /// ``HashtagSplitter``). With `references`, a run of letters and digits with a digit after a letter
    /// ("D0F3B8", "SK1807") is one token that scores nothing; the lexicon's own entries ("gr8") are
    /// tokenised without.
    static func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], signals: inout TextSignals,
        vocabulary: LexiconTable? = nil, references: Bool = true
    ) {
        var index = 0
        var clause: UInt16 = 0
        var sentence: UInt16 = 0
        var sentenceStart = tokens.count
        let count = text.count
        var previousWasWordByte = false

        @inline(__always) func breakClause() {
            clause &+= 1
        }
        // Tokens learn their sentence when it ends, so the scanners need not carry it.
        @inline(__always) func breakSentence(question: Bool = false) {
            clause &+= 1
            guard sentenceStart < tokens.count else { return }
            for position in sentenceStart..<tokens.count {
                tokens[position].sentence = sentence
                tokens[position].inQuestion = question
            }
            sentence &+= 1
            sentenceStart = tokens.count
        }

        while index < count {
            let byte = text[index]
            // Links: skip to the next whitespace.
            if !previousWasWordByte
                && (byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "w"))
                && startsLink(text, at: index)
            {
                while index < count && !isSpace(text[index]) {
                    index += 1
                }
                signals.links += 1
                breakClause()
                previousWasWordByte = false
                continue
            }
            if isASCIILetter(byte) || byte >= 0xC0 && isLetterScalar(text, at: index) {
                let token = scanWord(text, at: &index, clause: clause, kind: .word, signals: &signals)
                // Letters then digits ("D0F3B8", "SK1807") are a reference, not words to score.
                if references && index < count && isDigit(text[index]) {
                    index = endOfReference(text, at: index)
                    tokens.append(
                        Token(hash: referenceHash, kind: .number, allCaps: false, clause: clause, number: 0, letters: 0)
                    )
                } else {
                    tokens.append(token)
                }
                previousWasWordByte = true
                continue
            }
            if references, isDigit(byte), let end = referenceAfterDigits(text, at: index) {
                index = end
                tokens.append(
                    Token(hash: referenceHash, kind: .number, allCaps: false, clause: clause, number: 0, letters: 0))
                previousWasWordByte = true
                continue
            }
            if isDigit(byte) {
                var value: Int32 = 0
                var hash = fnvOffset
                while index < count && isDigit(text[index]) {
                    let digit = Int32(text[index] - UInt8(ascii: "0"))
                    let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times10.addingReportingOverflow(digit)
                    value = overflow1 || overflow2 ? Int32.max : sum
                    hash = (hash ^ UInt64(text[index])) &* fnvPrime
                    index += 1
                }
                tokens.append(
                    Token(hash: hash, kind: .number, allCaps: false, clause: clause, number: value, letters: 0))
                previousWasWordByte = true
                continue
            }
            previousWasWordByte = false
            switch byte {
            case UInt8(ascii: "@"):
                index += 1
                if index < count && isHandleByte(text[index]) {
                    while index < count && isHandleByte(text[index]) {
                        index += 1
                    }
                    signals.handles += 1
                }
            case UInt8(ascii: "#"):
                index += 1
                if index < count
                    && (isASCIILetter(text[index]) || text[index] >= 0xC0 && isLetterScalar(text, at: index))
                {
                    let start = index
                    var token = scanWord(text, at: &index, clause: clause, kind: .hashtag, signals: &signals)
                    token.complaintTag = isComplaintTag(text, from: start, to: index)
                    if token.complaintTag || vocabulary == nil || vocabulary?.lookup(token.hash) ?? -1 >= 0
                        || !HashtagSplitter.split(
                            text, from: start, to: index, token: token, vocabulary: vocabulary, into: &tokens)
                    {
                        tokens.append(token)
                    }
                }
            case UInt8(ascii: "&"):
                index = skipEntity(text, at: index)
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                var run = 0
                var question = false
                while index < count && (text[index] == UInt8(ascii: "!") || text[index] == UInt8(ascii: "?")) {
                    if text[index] == UInt8(ascii: "!") {
                        signals.exclamations += 1
                    } else {
                        signals.questionMarks += 1
                        question = true
                    }
                    run += 1
                    index += 1
                }
                if run >= 2 {
                    signals.repeatedPunctuation += 1
                }
                breakSentence(question: question)
            case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="):
                if let (hash, length) = emoticon(text, at: index) {
                    tokens.append(
                        Token(hash: hash, kind: .emoji, allCaps: false, clause: clause, number: 0, letters: 0))
                    signals.emoji += 1
                    index += length
                } else {
                    index += 1
                    breakClause()
                }
            case UInt8(ascii: "<") where index + 1 < count && text[index + 1] == UInt8(ascii: "3"):
                tokens.append(
                    Token(
                        hash: hashBytes([UInt8(ascii: "<"), UInt8(ascii: "3")]), kind: .emoji, allCaps: false,
                        clause: clause, number: 0, letters: 0))
                signals.emoji += 1
                index += 2
            case UInt8(ascii: "."), 0x0A:
                index += 1
                breakSentence()
            case UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"):
                index += 1
                breakClause()
            case 0x80...:
                var endsSentence = false
                index = scanSymbol(
                    text, at: index, tokens: &tokens, clause: &clause, endsSentence: &endsSentence, signals: &signals)
                if endsSentence {
                    breakSentence()
                }
            default:
                index += 1
            }
        }
        breakSentence()
    }

    /// The key of a reference token: no word hashes to it, so it never scores.
    static let referenceHash: UInt64 = 0x5EFE_7E2C_E000_0001

    /// The end of the run of ASCII letters and digits at `index`.
    private static func endOfReference(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index
        while end < text.count && (isASCIILetter(text[end]) || isDigit(text[end])) {
            end += 1
        }
        return end
    }

    /// The end of a reference that starts with digits and has a digit after a letter ("0C814F", "4B12"), or
    /// `nil` for a number or a number with a unit ("24h", "3rd", "10am").
    private static func referenceAfterDigits(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var position = index
        var sawLetter = false
        while position < text.count {
            let byte = text[position]
            if isASCIILetter(byte) {
                sawLetter = true
            } else if isDigit(byte) {
                if sawLetter { return endOfReference(text, at: position) }
            } else {
                break
            }
            position += 1
        }
        return nil
    }

    /// The FNV-1a hash of bytes, as tokens are keyed.
    static func hashBytes(_ bytes: [UInt8]) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* fnvPrime
        }
        return hash
    }

    /// The key of a phrase: the tokens' hashes folded in order.
    @inline(__always) static func combine(_ phrase: UInt64, _ next: UInt64) -> UInt64 {
        var mixed = phrase ^ (phrase >> 31)
        mixed &*= 0x7FB5_D329_728E_A185
        mixed ^= mixed >> 27
        return mixed ^ next
    }

    private static func scanWord(
        _ text: UnsafeBufferPointer<UInt8>, at index: inout Int, clause: UInt16, kind: Token.Kind,
        signals: inout TextSignals
    ) -> Token {
        var hash = fnvOffset
        var letters = 0
        var asciiLetters = 0
        var upper = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if isASCIILetter(byte) {
                if byte < UInt8(ascii: "a") {
                    upper += 1
                }
                hash = (hash ^ UInt64(byte | 0x20)) &* fnvPrime
                letters += 1
                asciiLetters += 1
                index += 1
                continue
            }
            // An apostrophe inside a word ("don't", "don’t") is part of it.
            if letters > 0 {
                var apostropheLength = 0
                if byte == UInt8(ascii: "'") {
                    apostropheLength = 1
                } else if byte == 0xE2 && index + 2 < count && text[index + 1] == 0x80 && text[index + 2] == 0x99 {
                    apostropheLength = 3
                }
                if apostropheLength > 0 && index + apostropheLength < count
                    && isASCIILetter(text[index + apostropheLength])
                {
                    hash = (hash ^ UInt64(UInt8(ascii: "'"))) &* fnvPrime
                    index += apostropheLength
                    continue
                }
            }
            if byte >= 0xC0, case (let scalar, let length) = UTF8Scalar.decode(text, at: index), isLetter(scalar) {
                let value = UTF8Scalar.lowercasedLatin1(scalar)
                if value < 0x250 {
                    signals.latinLetters += 1
                    if let marked = TextSignals.MarkedLanguage(letter: value) {
                        signals.markedLetters[marked.rawValue] &+= 1
                    }
                } else {
                    signals.otherLetters += 1
                    if signals.otherScript == nil {
                        signals.otherScript = script(of: value)
                    }
                }
                for encoded in utf8Bytes(of: value) {
                    hash = (hash ^ UInt64(encoded)) &* fnvPrime
                }
                letters += 1
                index += length
                continue
            }
            break
        }
        signals.upperLetters += upper
        signals.lowerLetters += asciiLetters - upper
        signals.latinLetters += asciiLetters
        let allCaps = letters >= 2 && upper == letters
        if allCaps && letters >= 4 {
            signals.shoutedWords += 1
        }
        return Token(
            hash: hash, kind: kind, allCaps: allCaps, clause: clause, number: 0,
            letters: UInt16(clamping: letters))
    }

    /// Handles a non-ASCII character outside a word: an emoji becomes a token, punctuation may end a
    /// clause, joiners and modifiers are skipped.
    private static func scanSymbol(
        _ text: UnsafeBufferPointer<UInt8>, at index: Int, tokens: inout [Token], clause: inout UInt16,
        endsSentence: inout Bool, signals: inout TextSignals
    ) -> Int {
        let (scalar, length) = UTF8Scalar.decode(text, at: index)
        switch scalar {
        case 0xFE0F, 0xFE0E, 0x200D, 0x1F3FB...0x1F3FF, 0x20E3:
            break
        case 0x2014, 0x2013:
            clause &+= 1
        case 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x00A1, 0x00BF:
            endsSentence = true
            if scalar == 0xFF01 {
                signals.exclamations += 1
            } else if scalar == 0xFF1F {
                signals.questionMarks += 1
            } else if scalar == 0x00A1 || scalar == 0x00BF {
                signals.markedLetters[TextSignals.MarkedLanguage.spanish.rawValue] &+= 1
            }
        case 0x2190...0x21FF, 0x2300...0x23FF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x1F000...0x1FAFF:
            var hash = fnvOffset
            for byte in utf8Bytes(of: scalar) {
                hash = (hash ^ UInt64(byte)) &* fnvPrime
            }
            tokens.append(Token(hash: hash, kind: .emoji, allCaps: false, clause: clause, number: 0, letters: 0))
            signals.emoji += 1
        default:
            break
        }
        return index + length
    }

    private static func emoticon(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt64, Int)? {
        var end = index + 1
        if end < text.count && (text[end] == UInt8(ascii: "-") || text[end] == UInt8(ascii: "'")) {
            end += 1
        }
        guard end < text.count else { return nil }
        switch text[end] {
        case UInt8(ascii: ")"), UInt8(ascii: "("), UInt8(ascii: "D"), UInt8(ascii: "P"), UInt8(ascii: "p"),
            UInt8(ascii: "/"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "O"), UInt8(ascii: "o"),
            UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"):
            break
        default:
            return nil
        }
        end += 1
        // ":D" at the start of ":Dallas" or "://" in a link is not a face.
        if end < text.count && (isASCIILetter(text[end]) || isDigit(text[end]) || text[end] == UInt8(ascii: "/")) {
            return nil
        }
        var hash = fnvOffset
        for position in index..<end {
            hash = (hash ^ UInt64(text[position])) &* fnvPrime
        }
        return (hash, end - index)
    }

    /// Whether a hashtag's word is a complaint by the conventions of social media: "#fail",
    /// "#epicfail", "#unitedsucks", "#badservice", "#poorservice", "#worstairline", "#neveragain".
    static func isComplaintTag(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        func hasSuffix(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard end - start >= length else { return false }
            let bytes = suffix.utf8Start
            for offset in 0..<length where text[end - length + offset] | 0x20 != bytes[offset] {
                return false
            }
            return true
        }
        func hasPrefix(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard end - start > length else { return false }
            let bytes = prefix.utf8Start
            for offset in 0..<length where text[start + offset] | 0x20 != bytes[offset] {
                return false
            }
            return true
        }
        return hasSuffix("fail") || hasSuffix("fails") || hasSuffix("sucks") || hasSuffix("suck")
            || hasPrefix("bad") || hasPrefix("poor") || hasPrefix("worst") || hasPrefix("neveragain")
            || hasPrefix("epicfail") || hasPrefix("fail")
    }

    private static func startsLink(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func matches(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard index + length <= text.count else { return false }
            let start = prefix.utf8Start
            for offset in 0..<length where text[index + offset] | 0x20 != start[offset] | 0x20 {
                return false
            }
            return true
        }
        return matches("http://") || matches("https://") || matches("www.")
    }

    private static func skipEntity(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index + 1
        while end < text.count && end - index <= 8 {
            let byte = text[end]
            if byte == UInt8(ascii: ";") {
                return end + 1
            }
            guard isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "#") else { break }
            end += 1
        }
        return index + 1
    }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    @inline(__always) private static func isHandleByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    private static func isLetterScalar(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        isLetter(UTF8Scalar.decode(text, at: index).scalar)
    }

    /// Letters of the scripts customers write in; symbols, emoji and punctuation are not letters.
    private static func isLetter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: true  // Latin-1 and Latin Extended
        case 0x370...0x3FF, 0x400...0x52F: true  // Greek, Cyrillic
        case 0x591...0x5F4, 0x600...0x6FF, 0x750...0x77F: true  // Hebrew, Arabic
        case 0x900...0x97F, 0xE00...0xE7F: true  // Devanagari, Thai
        case 0x1E00...0x1EFF: true  // Latin Extended Additional
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: true  // Kana, Han, Hangul
        default: false
        }
    }

    private static func script(of scalar: UInt32) -> TextSignals.Script {
        switch scalar {
        case 0x370...0x3FF: .greek
        case 0x400...0x52F: .cyrillic
        case 0x591...0x5F4: .hebrew
        case 0x600...0x6FF, 0x750...0x77F: .arabic
        case 0x900...0x97F: .devanagari
        case 0xE00...0xE7F: .thai
        case 0x3040...0x30FF: .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: .han
        case 0xAC00...0xD7AF: .hangul
        default: .other
        }
    }

    private static func utf8Bytes(of scalar: UInt32) -> UTF8Bytes {
        UTF8Bytes(scalar: scalar)
    }
}
