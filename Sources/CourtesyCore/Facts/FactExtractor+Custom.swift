extension FactExtractor {
    /// The matches of the brand's identifier formats and products, none inside a handle, hashtag, link or
    /// e-mail address. `seen` says which watched words the tokenizer met: a format with keywords is tried only
    /// when one of them is in the text, one with a literal prefix only when that is, and products only when a
    /// first word of one is.
    func customCandidates(in text: String, bytes: UnsafeBufferPointer<UInt8>, seen: UInt64) -> [Candidate] {
        var found: [Candidate] = []
        for (number, format) in configuration.identifierFormats.enumerated() {
            let keywords = configuration.keywordMasks[number]
            guard keywords == 0 || keywords & seen != 0 else { continue }
            if let literal = format.literal,
                literal.withUnsafeBufferPointer({ UTF8Scalar.firstIndex(of: $0, in: bytes) }) == nil
            {
                continue
            }
            for match in text.matches(of: format.compiled.regex) {
                let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                let end = start + text.utf8.distance(from: match.range.lowerBound, to: match.range.upperBound)
                guard end > start,
                    !Characters.isWordCharacter(bytes, at: start) || !Characters.isWordCharacter(bytes, before: start),
                    !Characters.isWordCharacter(bytes, before: end) || end == bytes.count
                        || !Characters.isWordCharacter(bytes, at: end),
                    !isSkipped(bytes, at: start),
                    format.keywordKeys.isEmpty || keyword(of: format.keywordKeys, precedes: start, in: bytes)
                else { continue }
                let value = String(text[match.range])
                found.append(
                    Candidate(
                        fact: Fact(
                            kind: format.kind, value: value, normalised: Scan.normalise(value), span: start..<end),
                        start: start, end: end, rank: 0))
            }
        }
        if !configuration.products.isEmpty
            && (configuration.productsNeedFullScan || configuration.productMask & seen != 0)
        {
            findProducts(in: bytes, into: &found)
        }
        return found
    }

    /// Each configured product where it stands on word boundaries, compared folded (case and Latin accents
    /// aside) with any run of spaces matching a space.
    private func findProducts(in text: UnsafeBufferPointer<UInt8>, into found: inout [Candidate]) {
        let keys = configuration.productKeys
        var firstBytes = [Bool](repeating: false, count: 256)
        for key in keys {
            firstBytes[Int(key[0])] = true
        }
        var index = 0
        var previousIsWord = false
        while index < text.count {
            let (scalar, length) = UTF8Scalar.decode(text, at: index)
            let isWord =
                scalar < 0x80
                ? Characters.isASCIILetter(UInt8(scalar)) || Characters.isDigit(UInt8(scalar))
                : Characters.classify(scalar) == .letter
            if isWord && !previousIsWord && firstBytes[Int(UInt8(truncatingIfNeeded: Characters.fold(scalar).bytes))] {
                for (number, key) in keys.enumerated() {
                    guard let end = Self.match(key, in: text, at: index),
                        end == text.count || !Characters.isWordCharacter(text, at: end),
                        !isSkipped(text, at: index)
                    else { continue }
                    let name = configuration.products[number]
                    found.append(
                        Candidate(
                            fact: Fact(kind: .product, value: name, normalised: name, span: index..<end), start: index,
                            end: end, rank: 0))
                }
            }
            previousIsWord = isWord
            index += length
        }
    }

    /// Where `key` (folded, single spaces) ends when it is at `index` of `text`, or `nil`.
    private static func match(_ key: [UInt8], in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var position = index
        var offset = 0
        while offset < key.count {
            guard position < text.count else { return nil }
            if key[offset] == UInt8(ascii: " ") {
                guard text[position] == 0x20 || text[position] == 0x09 else { return nil }
                while position < text.count && (text[position] == 0x20 || text[position] == 0x09) {
                    position += 1
                }
                offset += 1
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(text, at: position)
            let (packed, count) = Characters.fold(scalar)
            for byte in 0..<count {
                guard offset < key.count, key[offset] == UInt8(truncatingIfNeeded: packed >> (8 * UInt32(byte)))
                else { return nil }
                offset += 1
            }
            position += length
        }
        return position
    }

    /// Whether the byte at `index` is inside a handle, hashtag, link or e-mail address, as the tokenizer
    /// reads its whitespace-delimited chunk.
    func isSkipped(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index
        while start > 0 && !Characters.isASCIISpace(text[start - 1]) {
            start -= 1
        }
        var tokenizer = Tokenizer(text: text, lexicon: lexicon, from: start)
        while let token = tokenizer.next(), token.startOffset <= index {
            if token.kind == .skipped && index < token.endOffset { return true }
        }
        return false
    }

    /// Whether one of `keys` (folded words) comes before `index`, with at most four filler words or other
    /// keywords, and only `:`, `#`, `-`, `(`, `=`, `,`, `.` and spaces, between.
    private func keyword(of keys: [[UInt8]], precedes index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = index
        for _ in 0..<5 {
            while position > 0 {
                let byte = text[position - 1]
                guard Characters.isASCIISpace(byte) || ":#-(=,.".utf8.contains(byte) else { break }
                position -= 1
            }
            let end = position
            while position > 0 && Characters.isWordCharacter(text, before: position)
                && !Characters.isDigit(text[position - 1])
            {
                position -= 1
                while position > 0 && text[position] & 0xC0 == 0x80 {
                    position -= 1
                }
            }
            guard position < end else { return false }
            let word = Lexicon.folded(text, from: position, to: end)
            if keys.contains(word) { return true }
            guard let meaning = lexicon.meaning(ofFolded: word),
                meaning.keyword != nil || meaning.roles.contains(.identifierFiller)
            else { return false }
        }
        return false
    }
}
