extension FactExtractor.Scan {
    /// A date read from tokens: its last token and its normalised form ("2026-03-03", "--03-03").
    struct DateReading {
        var last: Int
        var normalised: String
    }

    mutating func scanISODate(at index: Int) {
        guard let date = isoDate(at: index, reach: reach(from: index)) else { return }
        emitDate(from: index, date)
    }

    mutating func scanDayFirstDate(at index: Int) {
        guard let date = dayFirstDate(at: index, reach: reach(from: index)) else { return }
        emitDate(from: index, date)
    }

    mutating func scanMonthFirstDate(at index: Int) {
        guard let date = monthFirstDate(at: index, reach: reach(from: index)) else { return }
        emitDate(from: index, date)
    }

    private mutating func emitDate(from index: Int, _ date: DateReading) {
        let start = tokens[index].startOffset
        let end = tokens[date.last].endOffset
        emit(.date, from: start, to: end, value: string(from: start, to: end), normalised: date.normalised)
    }

    /// "2026-03-03": four digits, two, two, joined by hyphens, and nothing more touching either end.
    func isoDate(at index: Int, reach: Int) -> DateReading? {
        guard index + 4 < reach, tokens[index].length == 4, isPunctuation(index + 1, UInt8(ascii: "-")),
            isNumber(index + 2), tokens[index + 2].length == 2, isPunctuation(index + 3, UInt8(ascii: "-")),
            isNumber(index + 4), tokens[index + 4].length == 2,
            touch(index, index + 1), touch(index + 1, index + 2), touch(index + 2, index + 3),
            touch(index + 3, index + 4)
        else { return nil }
        if index > 0 && touch(index - 1, index) && tokens[index - 1].kind != .punctuation { return nil }
        if isPunctuation(index - 1, UInt8(ascii: "-")) && touch(index - 1, index) { return nil }
        let after = index + 5
        if after < count && touch(index + 4, after)
            && (tokens[after].kind == .number || isPunctuation(after, UInt8(ascii: "-")))
        {
            return nil
        }
        guard let year = value(ofNumber: index), let month = value(ofNumber: index + 2),
            let day = value(ofNumber: index + 4), Self.isDate(year: year, month: month, day: day)
        else { return nil }
        return DateReading(last: index + 4, normalised: Self.normalisedDate(year: year, month: month, day: day))
    }

    /// A day, then a month: "3 March", "3rd of March", "3 de marzo de 2026", "3. März 2026", "1er mars",
    /// "1º de março".
    func dayFirstDate(at index: Int, reach: Int) -> DateReading? {
        guard isNumber(index), tokens[index].length <= 2, let day = value(ofNumber: index), (1...31).contains(day)
        else { return nil }
        if index > 0 && touch(index - 1, index) {
            // "1.3 March", "12/3", "10:3", "SK3": part of something else.
            guard tokens[index - 1].kind == .punctuation,
                !(isNumber(index - 2) && touch(index - 2, index - 1))
            else { return nil }
        }
        var next = index + 1
        if touch(index, next) && (isWord(next, .ordinal) || isPunctuation(next, UInt8(ascii: "."))) {
            next += 1
        }
        if isWord(next, .connector) {
            next += 1
        }
        guard next < reach, tokens[next].kind == .word, tokens[next].meaning != 0,
            !touch(next - 1, next) || next == index + 1
        else { return nil }
        let month = Int(meaning(next).month)
        guard month != 0 else { return nil }
        var last = next
        let year = year(after: &last, reach: reach)
        guard Self.isDate(year: year ?? 2024, month: month, day: day) else { return nil }
        return DateReading(last: last, normalised: Self.normalisedDate(year: year, month: month, day: day))
    }

    /// An English month, then a day: "March 3", "March 3rd", "Mar. 3, 2026", "March the 3rd". "May" and
    /// "March" need their capital.
    func monthFirstDate(at index: Int, reach: Int) -> DateReading? {
        guard index < count, tokens[index].kind == .word, tokens[index].meaning != 0 else { return nil }
        let meaning = meaning(index)
        guard meaning.roles.contains(.englishMonth), meaning.month != 0 else { return nil }
        if meaning.roles.contains(.monthNeedsCapital) && tokens[index].mark & FactExtractor.Token.capitalised == 0 {
            return nil
        }
        var next = index + 1
        if isPunctuation(next, UInt8(ascii: ".")) && touch(index, next) {
            next += 1
        }
        if isWord(next, .determiner) {
            next += 1
        }
        guard next < reach, isNumber(next), tokens[next].length <= 2, !touch(next - 1, next),
            let day = value(ofNumber: next), (1...31).contains(day)
        else { return nil }
        var last = next
        if isWord(next + 1, .ordinal) && touch(next, next + 1) {
            last = next + 1
        } else if next + 1 < count && touch(next, next + 1) {
            // "March 3:30", "March 3.5", "Mar 3x" are not dates; "March 3," and "March 3." are.
            let after = tokens[next + 1]
            if after.kind != .punctuation || (isNumber(next + 2) && touch(next + 1, next + 2)) { return nil }
        }
        if last + 1 < count && tokens[last + 1].kind == .word {
            let following = self.meaning(last + 1)
            // "May 2 people", "March 3 days": a count, not a day.
            if following.unit != nil || following.roles.contains(.quantity) { return nil }
        }
        let year = year(after: &last, reach: reach)
        guard Self.isDate(year: year ?? 2024, month: Int(meaning.month), day: day) else { return nil }
        return DateReading(
            last: last, normalised: Self.normalisedDate(year: year, month: Int(meaning.month), day: day))
    }

    /// A year after a date's last token ("3 March 2026", "March 3, 2026", "3 de marzo de 2026"), moving
    /// `last` onto it.
    private func year(after last: inout Int, reach: Int) -> Int? {
        var next = last + 1
        if isPunctuation(next, UInt8(ascii: ",")) {
            next += 1
        }
        if isWord(next, .connector) {
            next += 1
        }
        guard next < reach, isNumber(next), tokens[next].length == 4, !touch(last, next),
            let year = value(ofNumber: next), (1900...2099).contains(year)
        else { return nil }
        if next + 1 < count && touch(next, next + 1) && tokens[next + 1].kind != .punctuation { return nil }
        last = next
        return year
    }

    /// Whether the day exists in the month; without a year, 29 February does.
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// "2026-03-03", or "--03-03" without a year (ISO 8601's form for a day of any year).
    static func normalisedDate(year: Int?, month: Int, day: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return (year.map { "\($0)" } ?? "-") + "-" + two(month) + "-" + two(day)
    }
}
