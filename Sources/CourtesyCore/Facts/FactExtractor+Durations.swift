extension FactExtractor.Scan {
    /// Reads a waiting time starting at a number or a number word: "5 days", "two hours", "48h",
    /// "a couple of days", "half an hour", "zwei Stunden", "deux semaines" — when a word before it or after
    /// it says it is a wait (see ``isWait(from:after:reach:)``).
    mutating func scanDuration(at index: Int) {
        let reach = reach(from: index)
        var position = index
        var amount: String
        var plural: Bool
        var half = false
        let token = tokens[index]
        if token.kind == .number {
            if index > 0 && touch(index - 1, index) {
                let previous = tokens[index - 1]
                // Part of a bigger number, a range ("2-3 days"), a code ("SK1807"), an amount or a reference.
                guard previous.kind == .punctuation, previous.mark == UInt8(ascii: "(") else { return }
            }
            guard let number = value(ofNumber: index, limit: 3), number > 0 else { return }
            amount = String(number)
            plural = number >= 2
            if (isPunctuation(index + 1, UInt8(ascii: ".")) || isPunctuation(index + 1, UInt8(ascii: ",")))
                && touch(index, index + 1)
            {
                guard isNumber(index + 2) && touch(index + 1, index + 2) && tokens[index + 2].length == 1 else {
                    return
                }
                amount += "." + string(from: tokens[index + 2].startOffset, to: tokens[index + 2].endOffset)
                plural = true
                position = index + 2
            }
        } else {
            let meaning = meaning(index)
            if meaning.roles.contains(.half) || (meaning.roles.contains(.article) && isWord(index + 1, .half)) {
                half = true
                amount = "0.5"
                plural = false
                position = meaning.roles.contains(.half) ? index : index + 1
                if isWord(position + 1, .article) {
                    position += 1
                }
            } else if meaning.roles.contains(.couple)
                || (meaning.roles.contains(.article) && isWord(index + 1, .couple))
            {
                amount = "2"
                plural = true
                position = meaning.roles.contains(.couple) ? index : index + 1
                if isWord(position + 1, .connector) {
                    position += 1
                }
            } else if meaning.number != 0 {
                amount = String(meaning.number)
                plural = meaning.number >= 2
            } else {
                return
            }
        }
        var unitIndex = position + 1
        var hyphenated = false
        if isPunctuation(unitIndex, UInt8(ascii: "-")) && touch(position, unitIndex) && touch(unitIndex, unitIndex + 1)
        {
            hyphenated = !half
            unitIndex += 1
        }
        guard unitIndex < reach, tokens[unitIndex].kind == .word, let unit = meaning(unitIndex).unit else { return }
        // "10h30" is a time of day.
        if isNumber(unitIndex + 1) && touch(unitIndex, unitIndex + 1) { return }
        var last = unitIndex
        // "an hour and a half", "una hora y media", "uma hora e meia", "une heure et demie".
        if !half && !amount.utf8.contains(UInt8(ascii: ".")) && isWord(unitIndex + 1, .conjunction) {
            var next = unitIndex + 2
            if isWord(next, .article) && !isWord(next, .half) {
                next += 1
            }
            if next < reach && isWord(next, .half) {
                amount += ".5"
                last = next
            }
        }
        // "2 day shipping" and "a 3-hour flight" are adjectives; "a 3 hour delay" is still a wait.
        let adjective = hyphenated || (meaning(unitIndex).englishPlural == false && plural)
        if adjective && !isWord(unitIndex + 1, .delayNoun) { return }
        var parts = [(amount: half && unit == .hour ? "30" : amount, unit: half && unit == .hour ? .minute : unit)]
        // "1 hr 20 min", "2 hours and 30 minutes", "1 day 6 hours": a smaller unit after a whole one.
        if !half && !amount.utf8.contains(UInt8(ascii: ".")),
            let (smaller, next) = smallerPart(after: last, unit: unit, reach: reach)
        {
            parts.append(smaller)
            last = next
        }
        guard isWait(from: index, after: last + 1, reach: reach) else { return }
        let start = tokens[index].startOffset
        let end = tokens[last].endOffset
        emit(.duration, from: start, to: end, value: string(from: start, to: end), normalised: Self.iso(parts))
    }

    /// A number and a unit one step smaller after the unit at `last`, with "and" or a comma between or not.
    private func smallerPart(after last: Int, unit: FactExtractor.Meaning.DurationUnit, reach: Int)
        -> ((amount: String, unit: FactExtractor.Meaning.DurationUnit), Int)?
    {
        var next = last + 1
        if isWord(next, .conjunction) || isPunctuation(next, UInt8(ascii: ",")) {
            next += 1
        }
        guard next + 1 < reach, isNumber(next), !touch(next - 1, next), let number = value(ofNumber: next, limit: 2),
            number > 0, tokens[next + 1].kind == .word, let smaller = meaning(next + 1).unit,
            !(isNumber(next + 2) && touch(next + 1, next + 2))
        else { return nil }
        let steps: [FactExtractor.Meaning.DurationUnit: [FactExtractor.Meaning.DurationUnit]] = [
            .hour: [.minute], .day: [.hour], .week: [.day], .month: [.week, .day], .year: [.month],
        ]
        guard steps[unit]?.contains(smaller) == true else { return nil }
        return ((String(number), smaller), next + 1)
    }

    /// ISO 8601 for parts from the largest unit to the smallest: "P5D", "PT2H", "PT1H20M", "P1DT6H".
    static func iso(_ parts: [(amount: String, unit: FactExtractor.Meaning.DurationUnit)]) -> String {
        var date = "P"
        var time = ""
        for part in parts {
            if part.unit.isTime {
                time += part.amount + part.unit.designator
            } else {
                date += part.amount + part.unit.designator
            }
        }
        return time.isEmpty ? date : date + "T" + time
    }

    /// Whether a duration from token `start` whose unit ends before token `after` is a wait.
    ///
    /// Before it, within six words of the same sentence, the nearest word that decides says so ("for",
    /// "waiting", "been", "hace", "depuis", "seit", "il y a"… yes; "within", "in", "after", "every"… no).
    /// After it, within three words, "late", "ago", "now", "de retraso", "Verspätung"… say yes, "early",
    /// "shipping", "left", "from now"… say no, and a delay noun ("a 3 hour delay", "2 hours wait") says yes
    /// whatever came before. A word of tenure or plan within four words before ("customer", "booked",
    /// "warranty") or a price says no, unless a word more telling than "for" ("waiting", "took") is nearer.
    func isWait(from start: Int, after: Int, reach: Int) -> Bool {
        enum Nearest { case wait, notWait, forWord }
        var nearest: Nearest?
        var tenure = false
        var words = 0
        var index = start - 1
        while index >= 0 && words < 6 && !endsSentence(index) {
            let token = tokens[index]
            if token.kind == .word && token.meaning != 0 {
                let meaning = meaning(index)
                if words < 4 && (meaning.roles.contains(.tenure) || meaning.currency != 0) {
                    tenure = true
                }
                if nearest == nil {
                    if meaning.roles.contains(.notWaitBefore) {
                        nearest = .notWait
                    } else if meaning.roles.contains(.waitFor) {
                        nearest = .forWord
                    } else if meaning.roles.contains(.waitBefore) {
                        nearest = .wait
                    } else if token.meaning == lexicon.wordA && index >= 2 && tokens[index - 1].meaning == lexicon.wordY
                        && tokens[index - 2].meaning == lexicon.wordIl
                    {
                        nearest = .wait
                    }
                }
            }
            // A price before "for" makes it a price for a period: "45 euros for 2 days".
            if words < 4
                && ((token.kind == .symbol && token.mark != 0)
                    || (token.kind == .punctuation && token.mark == UInt8(ascii: "$")))
            {
                tenure = true
            }
            if token.kind == .word || token.kind == .number {
                words += 1
            }
            index -= 1
        }
        // "been with you 8 years", "been with you for 8 years": how long someone has been a customer.
        var you = start - 1
        if you >= 0 && tokens[you].kind == .word && meaning(you).roles.contains(.waitFor) {
            you -= 1
        }
        if you >= 2 && tokens[you].meaning == lexicon.wordYou && tokens[you - 1].meaning == lexicon.wordWith
            && tokens[you - 2].meaning == lexicon.wordBeen
        {
            return false
        }
        let before: Bool? =
            switch nearest {
            case .wait: true
            case .notWait: false
            case .forWord: !tenure
            case nil: tenure ? false : nil
            }
        var next = after
        words = 0
        while next < reach && words < 3 && !endsSentence(next) {
            let token = tokens[next]
            if token.kind == .punctuation && (token.mark == UInt8(ascii: ",") || token.mark == UInt8(ascii: "-")) {
                next += 1
                continue
            }
            guard token.kind == .word && token.meaning != 0 else { break }
            let meaning = meaning(next)
            if meaning.roles.contains(.notWaitAfter) { return false }
            if meaning.roles.contains(.delayNoun) && words == 0 { return true }
            if meaning.roles.contains(.waitAfter) { return before != false }
            guard meaning.roles.contains(.followFiller) else { break }
            words += 1
            next += 1
        }
        return before == true
    }

    /// Reads "since Monday", "since yesterday", "since last week", "since 3 March" and their Spanish,
    /// Portuguese, French and German forms ("desde el lunes", "depuis hier", "seit letzter Woche",
    /// "desde o dia 3 de março"), with the since-word in the value.
    mutating func scanSince(at index: Int) {
        let reach = reach(from: index)
        var next = index + 1
        var skipped = 0
        while skipped < 2 && isWord(next, .sinceFiller) && meaning(next).weekday == nil {
            next += 1
            skipped += 1
        }
        guard next < reach else { return }
        var last = next
        let since: String
        if tokens[next].kind == .number {
            guard let date = isoDate(at: next, reach: reach) ?? dayFirstDate(at: next, reach: reach) else { return }
            last = date.last
            since = date.normalised
        } else if tokens[next].kind == .word && tokens[next].meaning != 0 {
            let meaning = meaning(next)
            if let weekday = meaning.weekday {
                since = "\(weekday)"
                // "segunda-feira"
                if isPunctuation(next + 1, UInt8(ascii: "-")) && touch(next, next + 1) && touch(next + 1, next + 2)
                    && tokens[next + 2].kind == .word && tokens[next + 2].meaning == lexicon.wordFeira
                {
                    last = next + 2
                }
            } else if meaning.roles.contains(.yesterday) {
                since = "yesterday"
            } else if meaning.roles.contains(.lastNight) {
                since = "last-night"
            } else if meaning.roles.contains(.last) {
                last = next + 1
                if isWord(last, .week) {
                    since = "last-week"
                } else if isWord(last, .month) {
                    since = "last-month"
                } else if isWord(last, .night) {
                    since = "last-night"
                } else if last < count, tokens[last].kind == .word, let weekday = self.meaning(last).weekday {
                    since = "\(weekday)"
                } else {
                    return
                }
            } else if meaning.roles.contains(.week) && isWord(next + 1, .last) {
                last = next + 1
                since = "last-week"
            } else if meaning.roles.contains(.month) && isWord(next + 1, .last) {
                last = next + 1
                since = "last-month"
            } else if meaning.roles.contains(.this) && isWord(next + 1, .morning) {
                last = next + 1
                since = "this-morning"
            } else if let date = monthFirstDate(at: next, reach: reach) {
                last = date.last
                since = date.normalised
            } else {
                return
            }
        } else {
            return
        }
        guard last < reach else { return }
        let start = tokens[index].startOffset
        let end = tokens[last].endOffset
        emit(.duration, from: start, to: end, value: string(from: start, to: end), normalised: "since:" + since)
    }
}
