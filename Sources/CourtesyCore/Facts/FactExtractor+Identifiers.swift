extension FactExtractor.Scan {
    /// Reads the identifiers after a keyword: "order #48213", "booking reference is QXKZTP", "Bestellnummer
    /// 48213", "flight UA 921", "orders 48213 and 48214".
    ///
    /// After the keyword come up to seven filler words ("number", "no.", "is", "nº"…), punctuation marks (`:`,
    /// `#`, `-`, `(`, `=`, `,`) and further keywords; the last strong keyword names the kind. Then one
    /// identifier-shaped run of touching letters and digits, joined by single hyphens, that no exclusion
    /// rejects, and up to four more after "and", "," or "/".
    mutating func scanIdentifiers(at keywordIndex: Int) {
        let reach = reach(from: keywordIndex)
        guard let first = meaning(keywordIndex).keyword else { return }
        var keyword = first
        var strong = meaning(keywordIndex).roles.contains(.strongKeyword)
        if keyword == .ticket && ticketIsTravel(before: keywordIndex) {
            keyword = .booking
        }
        var index = keywordIndex + 1
        var lastKeyword = keywordIndex
        var fillers = 0
        var bareFlightAllowed = true
        while index < reach && fillers <= 6 {
            let token = tokens[index]
            if token.kind == .word && token.meaning != 0 {
                let meaning = meaning(index)
                if let next = meaning.keyword {
                    if meaning.roles.contains(.strongKeyword) {
                        if next == .ticket {
                            keyword = keyword == .flight || ticketIsTravel(before: index) ? .booking : .ticket
                        } else {
                            keyword = next
                        }
                        strong = true
                    } else if !strong {
                        keyword = next
                    }
                    lastKeyword = index
                    fillers += 1
                    index += 1
                    continue
                }
                // A filler touching what follows is part of it: "ES12345678" is not "es" and a number.
                if meaning.roles.contains(.identifierFiller)
                    && !(index + 1 < count && touch(index, index + 1) && isIdentifierPiece(index + 1))
                {
                    if !meaning.roles.contains(.flightFiller) {
                        bareFlightAllowed = false
                    }
                    fillers += 1
                    index += 1
                    continue
                }
            }
            if token.kind == .punctuation {
                var allowed = true
                switch token.mark {
                case UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "="): break
                case UInt8(ascii: "("), UInt8(ascii: ","): bareFlightAllowed = false
                // "no." and "Nr.": an abbreviation's dot, not a sentence's.
                case UInt8(ascii: "."): allowed = isWord(index - 1, .identifierFiller) && touch(index - 1, index)
                default: allowed = false
                }
                if allowed {
                    fillers += 1
                    index += 1
                    continue
                }
            }
            break
        }
        identifiersReadTo = tokens[lastKeyword].endOffset
        var found = 0
        while found < 5,
            let last = readIdentifier(
                at: index, reach: reach, keyword: keyword.kind,
                keywordIndex: keywordIndex, bareFlightAllowed: bareFlightAllowed)
        {
            found += 1
            var next = last + 1
            guard next < reach,
                isWord(next, .conjunction) || isPunctuation(next, UInt8(ascii: ","))
                    || isPunctuation(next, UInt8(ascii: "&")) || isPunctuation(next, UInt8(ascii: "/"))
            else { break }
            next += 1
            if isPunctuation(next, UInt8(ascii: "#")) {
                next += 1
            }
            index = next
        }
    }

    /// Whether "ticket" at `index` is a travel ticket: "flight ticket", "train ticket", "e-ticket".
    private func ticketIsTravel(before index: Int) -> Bool {
        var previous = index - 1
        if isPunctuation(previous, UInt8(ascii: "-")) && touch(previous, index) {
            previous -= 1
        }
        return isWord(previous, .ticketModifier)
    }

    /// Whether the token at `index` may be part of an identifier: ASCII letters or digits.
    private func isIdentifierPiece(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .number || (token.kind == .word && token.mark & FactExtractor.Token.nonASCII == 0)
    }

    /// Reads one identifier of `kind` starting at token `start` and emits it; the index of its last token,
    /// or `nil` when there is none.
    private mutating func readIdentifier(
        at start: Int, reach: Int, keyword kind: Fact.Kind, keywordIndex: Int, bareFlightAllowed: Bool
    ) -> Int? {
        guard start < reach, isIdentifierPiece(start) else { return nil }
        var last = start
        var dashes = 0
        while true {
            if last + 1 < reach && touch(last, last + 1) && isIdentifierPiece(last + 1) {
                last += 1
            } else if last + 2 < reach && isPunctuation(last + 1, UInt8(ascii: "-")) && tokens[last + 1].length == 1
                && touch(last, last + 1) && touch(last + 1, last + 2) && isIdentifierPiece(last + 2)
            {
                dashes += 1
                last += 2
            } else {
                break
            }
            if tokens[last].endOffset - tokens[start].startOffset > 30 { return nil }
        }
        if cut(at: last + 1, reach: reach) { return nil }
        let startOffset = tokens[start].startOffset
        var endOffset = tokens[last].endOffset
        let characters = endOffset - startOffset
        guard characters <= 30 else { return nil }
        var digits = 0
        var letters = 0
        var capitals = 0
        for offset in startOffset..<endOffset {
            let byte = text[offset]
            if FactExtractor.Characters.isDigit(byte) {
                digits += 1
            } else if FactExtractor.Characters.isASCIILetter(byte) {
                letters += 1
                if byte < UInt8(ascii: "a") { capitals += 1 }
            }
        }
        let allDigits = letters == 0 && dashes == 0
        let hash = isPunctuation(start - 1, UInt8(ascii: "#")) && touch(start - 1, start)

        // "UA 921", "U2 1234": an airline code and a flight number written apart.
        var flightCode: String?
        if kind == .flight && dashes == 0 && isNumber(last + 1) && tokens[last + 1].length <= 4
            && !touch(last, last + 1) && closeTogether(last, last + 1)
            && ((characters == 2 && letters >= 1 && capitals == letters) || (characters == 3 && capitals == 3))
        {
            flightCode = string(from: startOffset, to: endOffset)
            last += 1
            endOffset = tokens[last].endOffset
            if cut(at: last + 1, reach: reach) { return nil }
        }

        guard startsCleanly(start), endsCleanly(last, reach: reach) else { return nil }
        if allDigits && isNumber(last + 1) && !touch(last, last + 1) && closeTogether(last, last + 1) {
            // Digits in groups: a phone number ("0800 123 456"), a number written in fours (a tracking number
            // "9400 1000 0000 0000 0000 00", read whole), or an identifier and a count ("48213 2 items").
            if let grouped = groupedDigits(from: start, reach: reach) {
                last = grouped
                endOffset = tokens[last].endOffset
            } else if tokens[last + 1].length >= 2 {
                return nil
            }
        }
        if dashes > 0 && looksLikePhoneOrDate(from: start, to: last) { return nil }
        if allDigits && characters == 4 && !hash, let year = value(ofNumber: start), (1900...2099).contains(year) {
            return nil
        }

        let value: String
        let normalised: String
        switch kind {
        case .flight:
            if let flightCode {
                value = flightCode.uppercased() + string(from: tokens[last].startOffset, to: endOffset)
            } else if allDigits && characters <= 4 && bareFlightAllowed && tokens[start].length == characters
                && !isWord(last + 1, .connector)
            {
                // Not "flight 2 of 3".
                value = string(from: startOffset, to: endOffset)
            } else if dashes == 0, let code = flightNumber(from: startOffset, to: endOffset) {
                value = code
            } else {
                return nil
            }
            normalised = value
        case .booking:
            let short = dashes == 0 && (5...8).contains(characters) && capitals == letters
            guard short || ((4...30).contains(characters) && digits >= 3) else { return nil }
            if digits == 0 && !isReference(start, keywordIndex: keywordIndex) { return nil }
            value = string(from: startOffset, to: endOffset)
            normalised = Self.normalise(value)
        default:
            guard (4...30).contains(characters) && digits >= 3 else { return nil }
            let plain = string(from: startOffset, to: endOffset)
            value = (kind == .order || kind == .case) && allDigits ? "#" + plain : plain
            normalised = Self.normalise(plain)
        }
        emit(kind, from: hash ? startOffset - 1 : startOffset, to: endOffset, value: value, normalised: normalised)
        return last
    }

    /// An all-letter booking reference ("QXKZTP") is no word the lexicon knows, not a shouted word
    /// ("DELAYED"), and not in shouted text: neither the keyword nor the next word is in capitals.
    private func isReference(_ index: Int, keywordIndex: Int) -> Bool {
        if tokens[index].meaning != 0 { return false }
        let keyword = tokens[keywordIndex]
        if keyword.mark & FactExtractor.Token.upperCase != 0 && keyword.length > 3 { return false }
        let next = index + 1
        if next < count && tokens[next].kind == .word && tokens[next].mark & FactExtractor.Token.upperCase != 0 {
            return false
        }
        return true
    }

    /// Whether what comes before an identifier makes it something else: `+` (a phone number), a currency sign
    /// (an amount).
    private func startsCleanly(_ start: Int) -> Bool {
        let previous = start - 1
        guard previous >= 0 && closeTogether(previous, start) else { return true }
        let token = tokens[previous]
        if token.kind == .symbol && token.mark != 0 { return false }
        if token.kind == .punctuation && touch(previous, start) {
            return token.mark != UInt8(ascii: "+") && token.mark != UInt8(ascii: "$")
        }
        return !(token.kind == .punctuation && token.mark == UInt8(ascii: "$"))
    }

    /// Whether what comes after an identifier makes it something else: a decimal or grouped number, a time,
    /// a percentage, a fraction, an amount, a duration, a quantity, an e-mail address.
    private func endsCleanly(_ last: Int, reach: Int) -> Bool {
        let next = last + 1
        guard next < count else { return true }
        if next >= reach { return false }
        let token = tokens[next]
        let touching = touch(last, next)
        switch token.kind {
        case .punctuation:
            switch token.mark {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"):
                return !(touching && isNumber(next + 1) && touch(next, next + 1))
            case UInt8(ascii: "%"), UInt8(ascii: "@"): return !touching
            case UInt8(ascii: "$"): return !closeTogether(last, next)
            default: return true
            }
        case .symbol:
            return token.mark == 0 || !closeTogether(last, next)
        case .word:
            let meaning = meaning(next)
            return meaning.unit == nil && meaning.currency == 0
                && meaning.roles.isDisjoint(with: [.quantity, .timeOfDay])
        case .number, .skipped:
            return true
        }
    }

    /// Space-separated digit groups from `start`: the last group's index when they are written in fours
    /// (three groups or more, the last of one to four digits), `nil` otherwise or for a phone number.
    private func groupedDigits(from start: Int, reach: Int) -> Int? {
        var last = start
        var lengths = [tokens[start].length]
        while last + 1 < reach && isNumber(last + 1) && !touch(last, last + 1) && closeTogether(last, last + 1) {
            last += 1
            lengths.append(tokens[last].length)
        }
        guard text[tokens[start].startOffset] != UInt8(ascii: "0"), lengths.count >= 3,
            lengths.dropLast().allSatisfy({ $0 == 4 }), lengths[lengths.count - 1] <= 4,
            !cut(at: last + 1, reach: reach), endsCleanly(last, reach: reach)
        else { return nil }
        return last
    }

    /// Digits in hyphenated groups of one to four, seven to eleven digits in all, as phone numbers are written
    /// ("555-123-4567", "555-1234", "1-800-555-0199", "0800-123-4567"), or a date ("2026-03-03"). Groups
    /// of four to twelve digits ("8812-4471-0092") are left to be identifiers.
    /// The digits and hyphens an identifier starts with are judged alone, so "555-1234March" is a phone
    /// number too.
    private func looksLikePhoneOrDate(from start: Int, to last: Int) -> Bool {
        var digits = 0
        var groups = 0
        var index = start
        while index <= last && isNumber(index) {
            guard tokens[index].length <= 4 else { return false }
            digits += tokens[index].length
            groups += 1
            guard index + 2 <= last, isPunctuation(index + 1, UInt8(ascii: "-")) else { break }
            index += 2
        }
        return groups >= 2 && (7...11).contains(digits)
    }

    /// A flight number written as one word: a two-character airline code with a letter ("SK", "U2", "9W") or a
    /// three-letter one ("BAW"), then one to four digits; upper-cased.
    private func flightNumber(from start: Int, to end: Int) -> String? {
        let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
        func isCode(_ length: Int) -> Bool {
            guard bytes.count > length, bytes.count - length <= 4 else { return false }
            let code = bytes[0..<length]
            let letters = code.filter(FactExtractor.Characters.isASCIILetter).count
            guard length == 2 ? letters >= 1 : letters == 3 else { return false }
            return bytes[length...].allSatisfy(FactExtractor.Characters.isDigit)
        }
        guard isCode(2) || isCode(3) else { return nil }
        return String(decoding: bytes, as: UTF8.self).uppercased()
    }

    /// An identifier without `#`, spaces or hyphens, in capitals.
    static func normalise(_ value: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 where byte != UInt8(ascii: "#") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-")
        {
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
