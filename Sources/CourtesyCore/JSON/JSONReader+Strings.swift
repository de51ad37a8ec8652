extension JSONReader {
    /// Reads a string, unescaping it and checking that it is valid UTF-8.
    package mutating func readString(field: String? = nil) throws(EventDecodingError) -> String {
        if let raw = try readRawString(field: field) {
            return String(decoding: raw, as: UTF8.self)
        }
        offset += 1
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        try readStringTail(into: &buffer, field: field)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Reads a string or `null`; `null` gives `nil`.
    package mutating func readOptionalString(field: String? = nil) throws(EventDecodingError) -> String? {
        if try readNullIfPresent(field: field) { return nil }
        return try readString(field: field)
    }

    /// Reads a string that has no escapes and gives its bytes, already checked to be UTF-8, without
    /// copying them; valid until the reader's buffer goes away.
    ///
    /// Returns `nil`, with the reader still at the opening quote, when the string has an escape or a
    /// control character: ``readString(field:)`` then reads it (or says what is wrong).
    package mutating func readRawString(field: String? = nil) throws(EventDecodingError) -> UnsafeRawBufferPointer? {
        skipWhitespace()
        // Only when there is no quote does it take ``expectKind(_:field:)`` to say what is there instead.
        if offset >= bytes.count || bytes[offset] != UInt8(ascii: "\"") { try expectKind(.string, field: field) }
        let quote = offset
        offset += 1
        let start = offset
        let count = bytes.count
        while true {
            // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII;
            // then straight to the first byte that is one, since the lowest byte flagged always is.
            while offset + 8 <= count {
                let flagged = Self.attentionBits(
                    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                if flagged != 0 {
                    offset += flagged.trailingZeroBitCount >> 3
                    break
                }
                offset += 8
            }
            guard offset < count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<offset - 1])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 {
                offset = quote
                return nil
            }
            if byte < 0x80 {
                offset += 1
            } else {
                offset += try validateUTF8Sequence(field: field)
            }
        }
    }

    /// The high bit of each of eight bytes (the first byte in the lowest bits) that may be a quote, a
    /// backslash, a control character or not ASCII. A byte can be flagged wrongly only through a
    /// borrow from a lower byte that is flagged rightly, so the lowest bit set marks a byte that is one.
    @inline(__always)
    static func attentionBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = word &- ones &* 0x20
        return (hasQuote | hasBackslash | hasControl | word) & (ones &* 0x80)
    }

    /// Skips a string, validating it as ``readString(field:)`` would.
    mutating func skipString(field: String?) throws(EventDecodingError) {
        _ = try readString(field: field)
    }

    /// Reads the rest of a string whose opening quote has been consumed, appending decoded UTF-8 to `buffer`.
    private mutating func readStringTail(into buffer: inout [UInt8], field: String?) throws(EventDecodingError) {
        while true {
            guard offset < bytes.count else {
                throw EventDecodingError(.unexpectedEnd, field: field, offset: offset)
            }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return
            case UInt8(ascii: "\\"):
                try readEscape(into: &buffer, field: field)
            case 0..<0x20:
                throw EventDecodingError(
                    .syntax("unescaped control character U+\(hex4(UInt16(byte))) in a string"), field: field,
                    offset: offset)
            case 0x20..<0x80:
                buffer.append(byte)
                offset += 1
            default:
                let length = try validateUTF8Sequence(field: field)
                buffer.append(contentsOf: bytes[offset..<offset + length])
                offset += length
            }
        }
    }

    /// Checks the multi-byte UTF-8 sequence at `offset` and returns its length (RFC 3629: no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    private func validateUTF8Sequence(field: String?) throws(EventDecodingError) -> Int {
        let lead = bytes[offset]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default:
            throw EventDecodingError(.invalidUTF8, field: field, offset: offset)
        }
        guard offset + length <= bytes.count else {
            throw EventDecodingError(.invalidUTF8, field: field, offset: offset)
        }
        let second = bytes[offset + 1]
        guard second >= lower && second <= upper else {
            throw EventDecodingError(.invalidUTF8, field: field, offset: offset)
        }
        for index in 2..<max(length, 2) {
            guard bytes[offset + index] & 0xC0 == 0x80 else {
                throw EventDecodingError(.invalidUTF8, field: field, offset: offset)
            }
        }
        return length
    }

    private mutating func readEscape(into buffer: inout [UInt8], field: String?) throws(EventDecodingError) {
        let escapeStart = offset
        guard offset + 1 < bytes.count else {
            throw EventDecodingError(.unexpectedEnd, field: field, offset: bytes.count)
        }
        let code = bytes[offset + 1]
        offset += 2
        switch code {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexQuad(field: field)
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    throw EventDecodingError(
                        .syntax("lone surrogate \\u\(hex4(unit))"), field: field,
                        offset: escapeStart)
                }
                offset += 2
                let low = try readHexQuad(field: field)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw EventDecodingError(
                        .syntax("lone surrogate \\u\(hex4(unit))"), field: field,
                        offset: escapeStart)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw EventDecodingError(
                    .syntax("lone surrogate \\u\(hex4(unit))"), field: field,
                    offset: escapeStart)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw EventDecodingError(.invalidUTF8, field: field, offset: escapeStart)
            }
            appendUTF8(scalar, to: &buffer)
        default:
            throw EventDecodingError(
                .syntax("invalid escape \"\\\(Character(Unicode.Scalar(code)))\""), field: field, offset: escapeStart)
        }
    }

    private mutating func readHexQuad(field: String?) throws(EventDecodingError) -> UInt16 {
        guard offset + 4 <= bytes.count else {
            throw EventDecodingError(.unexpectedEnd, field: field, offset: bytes.count)
        }
        var value: UInt16 = 0
        for index in 0..<4 {
            let byte = bytes[offset + index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw EventDecodingError(.syntax("invalid \\u escape"), field: field, offset: offset + index)
            }
            value = value << 4 | UInt16(digit)
        }
        offset += 4
        return value
    }
}

/// Four upper-case hex digits.
func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
}

/// Appends the UTF-8 encoding of `scalar`.
func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
        buffer.append(UInt8(value))
    case 0x80..<0x800:
        buffer.append(UInt8(0xC0 | (value >> 6)))
        buffer.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
        buffer.append(UInt8(0xE0 | (value >> 12)))
        buffer.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        buffer.append(UInt8(0x80 | (value & 0x3F)))
    default:
        buffer.append(UInt8(0xF0 | (value >> 18)))
        buffer.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
        buffer.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        buffer.append(UInt8(0x80 | (value & 0x3F)))
    }
}

extension JSONReader {
    /// Reads a string, checking it exactly as ``readString(field:)`` does, and gives where it is
    /// instead of making a `String`.
    mutating func readStringRange(field: String?) throws(EventDecodingError) -> JSONStringRange {
        if let raw = try readRawString(field: field) {
            // The reader is just past the closing quote.
            return JSONStringRange(start: offset - 1 - raw.count, end: offset - 1, isEscaped: false)
        }
        // The reader is still at the opening quote; escapes are rare enough to unescape once here.
        let start = offset + 1
        _ = try readString(field: field)
        return JSONStringRange(start: start, end: offset - 1, isEscaped: true)
    }

    /// Reads a string or `null`, as ``readOptionalString(field:)`` does, and gives where it is.
    mutating func readOptionalStringRange(field: String?) throws(EventDecodingError) -> JSONStringRange? {
        if try readNullIfPresent(field: field) { return nil }
        return try readStringRange(field: field)
    }

    /// The text of a string read by ``readStringRange(field:)``, unescaped.
    func string(_ range: JSONStringRange) -> String {
        guard range.isEscaped else {
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        }
        var reader = self
        reader.offset = range.start - 1
        // The string was checked when it was read, so reading it again cannot fail.
        return (try? reader.readString()) ?? ""
    }

    /// Calls `body` with the UTF-8 text of a string read by ``readStringRange(field:)``: the bytes in
    /// place when it has no escapes, else an unescaped copy.
    func withUTF8<Result>(_ range: JSONStringRange, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard range.isEscaped else {
            return body(
                UnsafeRawBufferPointer(rebasing: bytes[range.start..<range.end]).assumingMemoryBound(to: UInt8.self))
        }
        var text = string(range)
        return text.withUTF8(body)
    }
}
