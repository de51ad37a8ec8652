extension JSONReader {
    /// What ``scanNumber(field:)`` found.
    struct ScannedNumber {
        /// The value, when the number is an integer that fits in `Int`.
        var integer: Int?
        /// Whether the number has a fraction or an exponent.
        var isInteger: Bool
    }

    /// Reads an integer; a fraction, an exponent or a value outside `Int` is an error.
    package mutating func readInt(field: String? = nil) throws(EventDecodingError) -> Int {
        let found = try peekKind(field: field)
        guard found == .number else {
            throw EventDecodingError(
                .typeMismatch(expected: "integer", found: found.rawValue), field: field, offset: offset)
        }
        let start = offset
        let scanned = try scanNumber(field: field)
        guard scanned.isInteger else {
            throw EventDecodingError(
                .typeMismatch(expected: "integer", found: "non-integer number"), field: field, offset: start)
        }
        guard let value = scanned.integer else {
            throw EventDecodingError(.invalidValue("integer out of range"), field: field, offset: start)
        }
        return value
    }

    /// Reads a non-negative integer.
    package mutating func readCount(field: String? = nil) throws(EventDecodingError) -> Int {
        let start = offset
        let value = try readInt(field: field)
        guard value >= 0 else {
            throw EventDecodingError(.invalidValue("expected a non-negative integer"), field: field, offset: start)
        }
        return value
    }

    /// Consumes a number, checking the RFC 8259 grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func scanNumber(field: String?) throws(EventDecodingError) -> ScannedNumber {
        let start = offset
        var negative = false
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count && isDigit(bytes[offset]) {
                throw EventDecodingError(.syntax("invalid number: leading zero"), field: field, offset: start)
            }
        } else if isDigit(bytes[offset]) {
            while offset < bytes.count && isDigit(bytes[offset]) {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[offset] - UInt8(ascii: "0")))
                overflow = overflow || overflow1 || overflow2
                magnitude = sum
                offset += 1
            }
        } else {
            throw EventDecodingError(.syntax("invalid number"), field: field, offset: start)
        }
        var isInteger = true
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try scanDigits(field: field, numberStart: start)
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            isInteger = false
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            try scanDigits(field: field, numberStart: start)
        }
        var integer: Int?
        if !overflow {
            if negative {
                if magnitude <= UInt64(Int.max) {
                    integer = -Int(magnitude)
                } else if magnitude == UInt64(Int.max) + 1 {
                    integer = Int.min
                }
            } else if magnitude <= UInt64(Int.max) {
                integer = Int(magnitude)
            }
        }
        return ScannedNumber(integer: integer, isInteger: isInteger)
    }

    private mutating func scanDigits(field: String?, numberStart: Int) throws(EventDecodingError) {
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        guard isDigit(bytes[offset]) else {
            throw EventDecodingError(.syntax("invalid number"), field: field, offset: numberStart)
        }
        while offset < bytes.count && isDigit(bytes[offset]) {
            offset += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
