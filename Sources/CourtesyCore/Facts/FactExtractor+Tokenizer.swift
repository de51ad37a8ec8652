extension FactExtractor {
    /// Reads a text's UTF-8 into tokens, one at a time, in a single pass.
    ///
    /// Letters and digits make separate tokens ("SK1807" is "SK" then "1807", touching), so that words are looked
    /// up whole and scanners join what touches. @handles and hashtags (a `#` before letters with fewer than three
    /// digits) become one skipped token; so does a whitespace-delimited chunk that is a link (`http…`, `www.…`,
    /// `domain.tld/path`) or an e-mail address. Such chunks are found ahead of the tokens by a search for `/`,
    /// `@` and `www.`, which most mentions need only once.
    struct Tokenizer {
        let text: UnsafeBufferPointer<UInt8>
        let lexicon: Lexicon
        /// Hashes of words a configuration looks for (its keywords, its products' first words); bit `i` of
        /// `seen` is set when a word hashes to `watch[i]` (the last bit for any index from 63 on).
        private let watch: [UInt64]
        private(set) var seen: UInt64 = 0
        private var position = 0
        /// The next link or e-mail address ahead, `Int.max` when there is none.
        private var skipStart = Int.max
        private var skipEnd = 0
        /// Where the search for the next link or e-mail address resumes.
        private var searchedTo = 0

        /// A tokenizer from `start`, which must be the start of a whitespace-delimited chunk.
        init(text: UnsafeBufferPointer<UInt8>, lexicon: Lexicon, from start: Int = 0, watch: [UInt64] = []) {
            self.text = text
            self.lexicon = lexicon
            self.watch = watch
            position = start
            searchedTo = start
            findNextSkip()
        }

        /// The next token, or `nil` at the end of the text.
        mutating func next() -> Token? {
            let count = text.count
            while position < count {
                let byte = text[position]
                if position >= skipStart {
                    let token = Token(
                        start: UInt32(position), end: UInt32(skipEnd), kind: .skipped, mark: 0, meaning: 0)
                    position = skipEnd
                    findNextSkip()
                    return token
                }
                if byte < 0x80 {
                    if Characters.isASCIILetter(byte) { return word() }
                    if byte == 0x0A { return single(.punctuation, mark: byte, length: 1) }
                    if Characters.isASCIISpace(byte) {
                        position += 1
                        continue
                    }
                    if Characters.isDigit(byte) { return number() }
                    if byte < 0x20 || byte == 0x7F {
                        position += 1
                        continue
                    }
                    if byte == UInt8(ascii: "@"), let handle = handle() { return handle }
                    if byte == UInt8(ascii: "#"), let hashtag = hashtag() { return hashtag }
                    return single(.punctuation, mark: byte, length: 1)
                }
                let (scalar, length) = UTF8Scalar.decode(text, at: position)
                let characterClass = Characters.classify(scalar)
                switch characterClass {
                case .space, .invisible:
                    position += length
                    continue
                case .letter: return word()
                case .newline: return single(.punctuation, mark: 0x0A, length: length)
                case .sentenceEnd: return single(.punctuation, mark: UInt8(ascii: "!"), length: length)
                case .quote: return single(.punctuation, mark: UInt8(ascii: "'"), length: length)
                case .dash: return single(.punctuation, mark: UInt8(ascii: "-"), length: length)
                case .currency(let index): return single(.symbol, mark: index + 1, length: length)
                default: return single(.symbol, mark: 0, length: length)
                }
            }
            return nil
        }

        private mutating func single(_ kind: Token.Kind, mark: UInt8, length: Int) -> Token {
            let start = position
            position += length
            return Token(start: UInt32(start), end: UInt32(position), kind: kind, mark: mark, meaning: 0)
        }

        private mutating func word() -> Token {
            let start = position
            let count = text.count
            var hash = Lexicon.fnvOffset
            var capitals = 0
            // ASCII letters first, the common case: a letter's bit 0x20 is clear in capitals.
            while position < count {
                let byte = text[position]
                let lower = byte | 0x20
                guard lower &- UInt8(ascii: "a") < 26 else { break }
                capitals &+= Int((byte >> 5) & 1 ^ 1)
                hash = (hash ^ UInt64(lower)) &* Lexicon.fnvPrime
                position &+= 1
            }
            var letters = position &- start
            var foldedLength = letters
            let firstIsCapital = letters > 0 && text[start] < UInt8(ascii: "a")
            var nonASCII = false
            while position < count {
                let byte = text[position]
                if byte < 0x80 {
                    guard Characters.isASCIILetter(byte) else { break }
                    capitals &+= Int((byte >> 5) & 1 ^ 1)
                    hash = (hash ^ UInt64(byte | 0x20)) &* Lexicon.fnvPrime
                    foldedLength &+= 1
                    letters &+= 1
                    position &+= 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(text, at: position)
                guard Characters.classify(scalar) == .letter else { break }
                if UTF8Scalar.isLatin1Capital(scalar) {
                    capitals &+= 1
                }
                var (packed, folded) = Characters.fold(scalar)
                foldedLength &+= folded
                while folded > 0 {
                    hash = (hash ^ UInt64(packed & 0xFF)) &* Lexicon.fnvPrime
                    packed >>= 8
                    folded -= 1
                }
                nonASCII = true
                letters &+= 1
                position &+= length
            }
            var mark: UInt8 = 0
            if letters >= 2 && capitals == letters { mark |= Token.upperCase }
            if firstIsCapital || (letters > 0 && capitals > 0 && nonASCII && startsWithLatinCapital(start)) {
                mark |= Token.capitalised
            }
            if nonASCII { mark |= Token.nonASCII }
            if !watch.isEmpty {
                for (index, watched) in watch.enumerated() where watched == hash {
                    seen |= 1 << min(index, 63)
                }
            }
            let meaning = lexicon.lookup(
                hash: hash, foldedLength: foldedLength, ascii: !nonASCII, in: text, from: start, to: position)
            return Token(start: UInt32(start), end: UInt32(position), kind: .word, mark: mark, meaning: meaning)
        }

        private func startsWithLatinCapital(_ start: Int) -> Bool {
            let scalar = UTF8Scalar.decode(text, at: start).scalar
            return UTF8Scalar.isLatin1Capital(scalar)
        }

        private mutating func number() -> Token {
            let start = position
            while position < text.count && Characters.isDigit(text[position]) {
                position += 1
            }
            return Token(
                start: UInt32(start), end: UInt32(position), kind: .number, mark: UInt8(min(position - start, 255)),
                meaning: 0)
        }

        @inline(__always) private func isHandleByte(_ byte: UInt8) -> Bool {
            Characters.isASCIILetter(byte) || Characters.isDigit(byte) || byte == UInt8(ascii: "_")
        }

        /// `@` and a handle's letters, digits and underscores.
        private mutating func handle() -> Token? {
            let start = position
            var end = position + 1
            while end < text.count && isHandleByte(text[end]) {
                end += 1
            }
            guard end > start + 1 else { return nil }
            position = end
            return Token(start: UInt32(start), end: UInt32(end), kind: .skipped, mark: 0, meaning: 0)
        }

        /// `#` and a word of letters (digits and underscores allowed) with fewer than three digits: "#fail",
        /// "#Covid19". With three digits or more ("#48213", "#A12345", "#CS-20931") the `#` is punctuation
        /// before an identifier.
        private mutating func hashtag() -> Token? {
            let start = position
            var end = position + 1
            var digits = 0
            var letters = 0
            var digitsAfterHyphen = 0
            while end < text.count {
                let byte = text[end]
                if byte < 0x80 {
                    if byte == UInt8(ascii: "-") && end + 1 < text.count && isHandleByte(text[end + 1]) {
                        // A hashtag ends at a hyphen; digits after it make "#CS-20931" an identifier.
                        var after = end + 1
                        while after < text.count && isHandleByte(text[after]) {
                            if Characters.isDigit(text[after]) { digitsAfterHyphen += 1 }
                            after += 1
                        }
                        break
                    }
                    guard isHandleByte(byte) else { break }
                    if Characters.isDigit(byte) {
                        digits += 1
                    } else if byte != UInt8(ascii: "_") {
                        letters += 1
                    }
                    end += 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(text, at: end)
                guard Characters.classify(scalar) == .letter else { break }
                letters += 1
                end += length
            }
            guard end > start + 1, letters > 0, digits + digitsAfterHyphen < 3 else { return nil }
            position = end
            return Token(start: UInt32(start), end: UInt32(end), kind: .skipped, mark: 0, meaning: 0)
        }

        /// Finds the next link or e-mail address from `searchedTo`: a chunk with `/`, `@` (not first) or
        /// `www.` that is one, without its opening brackets and quotes or the punctuation that ends a sentence
        /// after it.
        private mutating func findNextSkip() {
            let count = text.count
            var index = searchedTo
            while index < count {
                // Eight bytes at a time while none is `/`, `@` or a pair of `w`s.
                if index + 8 <= count && !Self.mayHoldMarker(UnsafeRawPointer(text.baseAddress! + index)) {
                    index += 7
                    continue
                }
                let byte = text[index]
                guard
                    byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@")
                        || (byte | 0x20 == UInt8(ascii: "w") && hasPrefix("www.", at: index, end: count))
                else {
                    index += 1
                    continue
                }
                var start = index
                while start > 0 && spaceLength(endingAt: start) == 0 {
                    start -= 1
                }
                var end = index
                var at = -1
                var slash = -1
                while end < count && spaceLength(at: end) == 0 {
                    if text[end] == UInt8(ascii: "@") && at < 0 && end > start { at = end }
                    if text[end] == UInt8(ascii: "/") && slash < 0 { slash = end }
                    end += 1
                }
                for offset in start..<index where text[offset] == UInt8(ascii: "/") && slash < 0 {
                    slash = offset
                }
                var from = start
                while from < end && isOpening(text[from]) {
                    from += 1
                }
                if at >= 0 {
                    at = (from..<end).first { text[$0] == UInt8(ascii: "@") } ?? -1
                }
                if isLink(from: from, end: end, slash: slash)
                    || (at > from && isEmailAddress(from: from, at: at, end: end))
                {
                    var last = end
                    while last > from && isClosing(text[last - 1]) {
                        last -= 1
                    }
                    if from >= position && last > from {
                        skipStart = from
                        skipEnd = last
                        searchedTo = end
                        return
                    }
                }
                index = end
            }
            searchedTo = count
            skipStart = Int.max
        }

        /// Whether eight bytes may hold `/`, `@` or "ww" in either case; false positives only.
        @inline(__always)
        private static func mayHoldMarker(_ pointer: UnsafeRawPointer) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let word = pointer.loadUnaligned(as: UInt64.self)
            @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 {
                (value &- ones) & ~value & (ones &* 0x80)
            }
            let slash = zeroBytes(word ^ (ones &* 0x2F))
            let at = zeroBytes(word ^ (ones &* 0x40))
            let w = zeroBytes((word | (ones &* 0x20)) ^ (ones &* 0x77))
            return slash | at | (w & (w >> 8)) != 0
        }

        /// The length of the whitespace character (ASCII, no-break, typographic spaces) at `index`, or 0.
        private func spaceLength(at index: Int) -> Int {
            let byte = text[index]
            if byte < 0x80 { return Characters.isASCIISpace(byte) ? 1 : 0 }
            if byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0 { return 2 }
            if byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80
                && (text[index + 2] <= 0x8A || text[index + 2] == 0xA8 || text[index + 2] == 0xAF)
            {
                return 3
            }
            return 0
        }

        /// Whether a whitespace character ends just before `index`.
        private func spaceLength(endingAt index: Int) -> Int {
            let byte = text[index - 1]
            if byte < 0x80 { return Characters.isASCIISpace(byte) ? 1 : 0 }
            if index >= 2 && spaceLength(at: index - 2) == 2 { return 2 }
            if index >= 3 && spaceLength(at: index - 3) == 3 { return 3 }
            return 0
        }

        private func isOpening(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }

        private func isClosing(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: "\""),
                UInt8(ascii: "'"):
                true
            default: false
            }
        }

        private func hasPrefix(_ prefix: StaticString, at index: Int, end: Int) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard index + length <= end else { return false }
            let bytes = prefix.utf8Start
            for offset in 0..<length where text[index + offset] | 0x20 != bytes[offset] | 0x20 {
                return false
            }
            return true
        }

        /// Whether the chunk `text[from..<end]` is a link: it holds "://" or "www." anywhere, or its first `/`
        /// comes right after a domain name ("acme.com/track", "bit.ly/x", "(see:acme.com/x").
        private func isLink(from: Int, end: Int, slash: Int) -> Bool {
            var index = from
            while index + 3 < end {
                if (text[index] == UInt8(ascii: ":") && text[index + 1] == UInt8(ascii: "/")
                    && text[index + 2] == UInt8(ascii: "/")) || hasPrefix("www.", at: index, end: end)
                {
                    return true
                }
                index += 1
            }
            guard slash > from else { return false }
            var domainStart = slash
            while domainStart > from {
                let byte = text[domainStart - 1]
                guard
                    Characters.isASCIILetter(byte) || Characters.isDigit(byte) || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: ".")
                else { break }
                domainStart -= 1
            }
            return isDomain(from: domainStart, to: slash)
        }

        /// Whether `text[from..<end]` is a domain name: labels of letters, digits and hyphens joined by dots, the
        /// last of two letters or more ("acme.com" before "/track", "bit.ly" before "/x").
        private func isDomain(from: Int, to end: Int) -> Bool {
            var labels = 0
            var labelLength = 0
            var labelLetters = true
            var index = from
            while index < end {
                let byte = text[index]
                if byte == UInt8(ascii: ".") {
                    guard labelLength > 0 else { return false }
                    labels += 1
                    labelLength = 0
                    labelLetters = true
                } else if Characters.isASCIILetter(byte) || Characters.isDigit(byte) || byte == UInt8(ascii: "-") {
                    labelLength += 1
                    if !Characters.isASCIILetter(byte) { labelLetters = false }
                } else {
                    return false
                }
                index += 1
            }
            return labels >= 1 && labelLength >= 2 && labelLetters
        }

        private func isEmailAddress(from: Int, at: Int, end: Int) -> Bool {
            var domainEnd = end
            while domainEnd > at + 1 && isClosing(text[domainEnd - 1]) {
                domainEnd -= 1
            }
            return isDomain(from: at + 1, to: domainEnd)
        }
    }
}
