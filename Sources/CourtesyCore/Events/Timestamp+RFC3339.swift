extension Timestamp {
    /// Parses an RFC 3339 date-time such as `2015-02-24T11:15:59Z` or `2015-02-24T11:15:59.123-08:00`.
    ///
    /// Fractions finer than a millisecond are truncated. Returns `nil` for anything else.
    package init?(rfc3339 text: String) {
        var text = text
        guard let milliseconds = text.withUTF8({ Self.parseRFC3339($0) }) else { return nil }
        self.init(millisecondsSinceEpoch: milliseconds)
    }

    /// The RFC 3339 form in UTC with milliseconds, e.g. `2015-02-24T11:15:59.000Z`.
    package var rfc3339: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendRFC3339(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the RFC 3339 form in UTC with milliseconds.
    func appendRFC3339(to bytes: inout [UInt8]) {
        let (days, millisOfDay) = floorDivide(millisecondsSinceEpoch, 86_400_000)
        let (year, month, day) = Self.civilFromDays(days)
        let seconds = millisOfDay / 1000
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(millisOfDay % 1000, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Writes the RFC 3339 form in UTC with milliseconds at `output` and returns its length (at most 32 bytes).
    func writeRFC3339(to output: UnsafeMutablePointer<UInt8>) -> Int {
        let (days, millisOfDay) = floorDivide(millisecondsSinceEpoch, 86_400_000)
        let (year, month, day) = Self.civilFromDays(days)
        guard year >= 0 && year <= 9999 else {
            var bytes: [UInt8] = []
            appendRFC3339(to: &bytes)
            output.update(from: bytes, count: bytes.count)
            return bytes.count
        }
        let seconds = Int(millisOfDay / 1000)
        let millis = Int(millisOfDay % 1000)
        func two(_ value: Int, at offset: Int) {
            output[offset] = UInt8(ascii: "0") + UInt8(value / 10)
            output[offset + 1] = UInt8(ascii: "0") + UInt8(value % 10)
        }
        two(Int(year) / 100, at: 0)
        two(Int(year) % 100, at: 2)
        output[4] = UInt8(ascii: "-")
        two(Int(month), at: 5)
        output[7] = UInt8(ascii: "-")
        two(Int(day), at: 8)
        output[10] = UInt8(ascii: "T")
        two(seconds / 3600, at: 11)
        output[13] = UInt8(ascii: ":")
        two(seconds / 60 % 60, at: 14)
        output[16] = UInt8(ascii: ":")
        two(seconds % 60, at: 17)
        output[19] = UInt8(ascii: ".")
        output[20] = UInt8(ascii: "0") + UInt8(millis / 100)
        two(millis % 100, at: 21)
        output[23] = UInt8(ascii: "Z")
        return 24
    }

    private func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width {
            divisor *= 10
        }
        var value = value
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            value = -value
        }
        while divisor <= value / 10 {
            divisor *= 10
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    static func parseRFC3339(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= text.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<width {
                let byte = text[index + offset]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        // Up to three accepted bytes as plain parameters: a variadic list would be an array per call.
        func expect(_ first: UInt8, _ second: UInt8? = nil, _ third: UInt8? = nil) -> Bool {
            guard index < text.count else { return false }
            let byte = text[index]
            guard byte == first || byte == second || byte == third else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), expect(UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")),
            let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), expect(UInt8(ascii: ":")),
            let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month), hour < 24,
            minute < 60, second < 61
        else { return nil }
        var millis: Int64 = 0
        if index < text.count && text[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
                if digits < 3 {
                    millis = millis * 10 + Int64(text[index] - UInt8(ascii: "0"))
                }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) {
                millis *= 10
            }
        }
        var offsetMinutes: Int64 = 0
        if expect(UInt8(ascii: "Z"), UInt8(ascii: "z")) {
            offsetMinutes = 0
        } else if index < text.count && (text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-")) {
            let sign: Int64 = text[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = number(2), expect(UInt8(ascii: ":")), let offsetMins = number(2),
                offsetHours < 24, offsetMins < 60
            else { return nil }
            offsetMinutes = sign * (offsetHours * 60 + offsetMins)
        } else {
            return nil
        }
        guard index == text.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetMinutes * 60
        return seconds * 1000 + millis
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
