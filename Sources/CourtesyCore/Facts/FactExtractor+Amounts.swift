extension FactExtractor.Scan {
    /// A number as an amount is written: its integer digits without separators, its cents if any, and its last
    /// token.
    private struct AmountNumber {
        var integer: String
        var fraction: String?
        var last: Int
    }

    /// Reads an amount of money starting at a number, with its currency before it ("$49.99", "US$12",
    /// "€90.44", "EUR 30", "R$ 50") or after it ("90,44 €", "30 EUR", "30 euros", "1.299,00 €").
    mutating func scanAmount(at index: Int) {
        let reach = reach(from: index)
        if index > 0 && touch(index - 1, index) {
            let previous = tokens[index - 1]
            switch previous.kind {
            case .number, .skipped: return
            case .punctuation:
                if (previous.mark == UInt8(ascii: ".") || previous.mark == UInt8(ascii: ","))
                    && isNumber(index - 2) && touch(index - 2, index - 1)
                {
                    return
                }
            case .word:
                guard currency(ofWord: index - 1) != nil else { return }
            case .symbol:
                break
            }
        }
        if isNumber(index - 1) && isGroupSpace(index - 1, index) { return }
        guard var number = amountNumber(at: index, reach: reach, spaces: false) else { return }
        // "1 299,00 €": thousands after an ASCII space, only when a currency follows the last group.
        if let spaced = amountNumber(at: index, reach: reach, spaces: true), spaced.last > number.last,
            spaced.last + 1 < reach, closeTogether(spaced.last, spaced.last + 1),
            isCurrency(spaced.last + 1), !(index > 0 && closeTogether(index - 1, index) && isCurrency(index - 1))
        {
            number = spaced
        }

        var found: UInt8?
        var start = tokens[index].startOffset
        var end = tokens[number.last].endOffset
        var after = number.last + 1
        let previous = index - 1
        if previous >= 0 && closeTogether(previous, index) {
            let token = tokens[previous]
            if token.kind == .symbol && token.mark != 0 {
                found = token.mark - 1
                start = token.startOffset
            } else if token.kind == .punctuation && token.mark == UInt8(ascii: "$") {
                found = FactExtractor.Currency.usd
                start = token.startOffset
                if previous > 0 && touch(previous - 1, previous) && tokens[previous - 1].kind == .word
                    && tokens[previous - 1].length <= 3,
                    let dollar = FactExtractor.Currency.dollar(
                        prefix: FactExtractor.Lexicon.folded(
                            text, from: tokens[previous - 1].startOffset, to: tokens[previous - 1].endOffset))
                {
                    found = dollar
                    start = tokens[previous - 1].startOffset
                }
            } else if token.kind == .word, let code = currency(ofWord: previous) {
                found = code
                start = token.startOffset
            }
        }
        if found == nil && after < reach && closeTogether(number.last, after) {
            let token = tokens[after]
            if token.kind == .symbol && token.mark != 0 {
                found = token.mark - 1
            } else if token.kind == .punctuation && token.mark == UInt8(ascii: "$") {
                found = FactExtractor.Currency.usd
            } else if token.kind == .word {
                found = currency(ofWord: after)
            }
            if found != nil {
                end = token.endOffset
                after += 1
            }
        }
        guard let found else { return }
        // "€30%" is not an amount; "30 EUR/month" is.
        if isPunctuation(after, UInt8(ascii: "%")) && tokens[after].startOffset == end { return }
        if let last = after < count ? tokens[after] : nil, last.startOffset == end,
            last.kind == .number || last.kind == .word
        {
            return
        }
        var normalised = number.integer
        if let fraction = number.fraction {
            normalised += "." + (fraction.utf8.count == 1 ? fraction + "0" : fraction)
        }
        normalised += " " + FactExtractor.Currency.codes[Int(found)]
        emit(.amount, from: start, to: end, value: string(from: start, to: end), normalised: normalised)
    }

    /// Whether the token at `index` names a currency: a sign, `$`, a currency word or code.
    private func isCurrency(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .symbol: return token.mark != 0
        case .punctuation: return token.mark == UInt8(ascii: "$")
        case .word: return currency(ofWord: index) != nil
        case .number, .skipped: return false
        }
    }

    /// The currency a word names ("euros", "dollars", "EUR", "usd"); codes other than USD, EUR and GBP only in
    /// capitals, so that "cop" and "ars" are words.
    private func currency(ofWord index: Int) -> UInt8? {
        guard tokens[index].meaning != 0 else { return nil }
        let meaning = meaning(index)
        guard meaning.currency != 0 else { return nil }
        if meaning.roles.contains(.currencyCode) && !meaning.roles.contains(.lowerCaseCode)
            && tokens[index].mark & FactExtractor.Token.upperCase == 0
        {
            return nil
        }
        return meaning.currency - 1
    }

    /// Whether two number tokens are separated by a no-break or narrow no-break space, as French and others
    /// group thousands ("1 299,00 €").
    private func isGroupSpace(_ first: Int, _ second: Int) -> Bool {
        let from = tokens[first].endOffset
        let to = tokens[second].startOffset
        return (to - from == 2 && text[from] == 0xC2 && text[from + 1] == 0xA0)
            || (to - from == 3 && text[from] == 0xE2 && text[from + 1] == 0x80 && text[from + 2] == 0xAF)
    }

    /// Digits with thousands separators and cents in either convention: "49.99", "1,299.00", "1.299,00",
    /// "90,44", "1 299". A last group of one or two digits is the cents; of three, thousands (so "1,299" and
    /// "1.299" are 1299). Mixed or ragged groups are no amount.
    private func amountNumber(at index: Int, reach: Int, spaces: Bool) -> AmountNumber? {
        var last = index
        var separators: [UInt8] = []
        var groups = [index]
        while true {
            let next = last + 1
            if next + 1 < reach && (isPunctuation(next, UInt8(ascii: ".")) || isPunctuation(next, UInt8(ascii: ",")))
                && touch(last, next) && isNumber(next + 1) && touch(next, next + 1)
            {
                separators.append(tokens[next].mark)
                groups.append(next + 1)
                last = next + 1
            } else if next < reach && isNumber(next) && tokens[next].length == 3
                && (isGroupSpace(last, next) || (spaces && !touch(last, next) && closeTogether(last, next)))
            {
                separators.append(UInt8(ascii: " "))
                groups.append(next)
                last = next
            } else {
                break
            }
            if separators.count > 6 { return nil }
        }
        if cut(at: last + 1, reach: reach) { return nil }
        var thousands = separators
        var fraction: String?
        if let final = separators.last, final != UInt8(ascii: " ") {
            let length = tokens[last].length
            if length <= 2 {
                thousands.removeLast()
                guard !thousands.contains(final) else { return nil }
                fraction = string(from: tokens[last].startOffset, to: tokens[last].endOffset)
                groups.removeLast()
            } else if length != 3 || thousands.contains(where: { $0 != final }) {
                return nil
            }
        }
        if let first = thousands.first {
            guard thousands.allSatisfy({ $0 == first }), tokens[groups[0]].length <= 3,
                groups.dropFirst().allSatisfy({ tokens[$0].length == 3 })
            else { return nil }
        }
        var integer = ""
        for group in groups {
            integer += string(from: tokens[group].startOffset, to: tokens[group].endOffset)
        }
        guard integer.utf8.count <= 15 else { return nil }
        return AmountNumber(integer: integer, fraction: fraction, last: last)
    }
}
