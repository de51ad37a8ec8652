extension JSONReader {
    /// Reads a string that must not be empty.
    package mutating func readNonEmptyString(field: String) throws(EventDecodingError) -> String {
        let start = offset
        let value = try readString(field: field)
        guard !value.isEmpty else {
            throw EventDecodingError(.invalidValue("must not be empty"), field: field, offset: start)
        }
        return value
    }

    /// Reads an RFC 3339 date-time string.
    /// A timestamp, or `nil` for `null`.
    package mutating func readOptionalTimestamp(field: String) throws(EventDecodingError) -> Timestamp? {
        try readNullIfPresent(field: field) ? nil : readTimestamp(field: field)
    }

    /// A reply's text, read as recorded: at most `limit` bytes of UTF-8 (`nil` for `null` when `optional`).
    package mutating func readReplyText(field: String, limit: Int, optional: Bool) throws(EventDecodingError)
        -> String?
    {
        let start = offset
        let text = optional ? try readOptionalString(field: field) : try readNonEmptyString(field: field)
        let size = text?.utf8.count ?? 0
        guard size <= limit else {
            throw EventDecodingError(.textTooLong(size: size, limit: limit), field: field, offset: start)
        }
        return text
    }

    package mutating func readTimestamp(field: String) throws(EventDecodingError) -> Timestamp {
        skipWhitespace()
        let start = offset
        if let raw = try readRawString(field: field),
            let milliseconds = Timestamp.parseRFC3339(raw.assumingMemoryBound(to: UInt8.self))
        {
            return Timestamp(millisecondsSinceEpoch: milliseconds)
        }
        offset = start
        let value = try readString(field: field)
        guard let timestamp = Timestamp(rfc3339: value) else {
            throw EventDecodingError(
                .invalidValue("\"\(value.prefix(40))\" is not an RFC 3339 date-time"), field: field, offset: start)
        }
        return timestamp
    }

    /// Reads a platform name such as `x` or `facebook`.
    package mutating func readPlatform(field: String) throws(EventDecodingError) -> Platform {
        skipWhitespace()
        let start = offset
        if let bytes = try readRawString(field: field) {
            let index = Self.position(of: bytes, in: Self.platformNames)
            if index >= 0 { return Self.platforms[index] }
        }
        offset = start
        return try readEnum(Platform.self, field: field)
    }

    /// Every platform and its name, for matching bytes without making a `String` (a test checks they agree).
    static let platforms: [Platform] = [.x, .facebook, .instagram, .review, .email, .chat]
    static let platformNames: [StaticString] = ["x", "facebook", "instagram", "review", "email", "chat"]

    /// Reads a string that must be the raw value of one case of `type`.
    package mutating func readEnum<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, field: String
    ) throws(EventDecodingError) -> Value where Value.RawValue == String {
        skipWhitespace()
        let start = offset
        if let bytes = try readRawString(field: field),
            let value = Value.allCases.first(where: { $0.rawValue.utf8.elementsEqual(bytes) })
        {
            return value
        }
        offset = start
        let raw = try readString(field: field)
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw EventDecodingError(
                .invalidValue("unknown value \"\(raw.prefix(40))\" (expected one of \(allowed))"), field: field,
                offset: start)
        }
        return value
    }

    /// Reads a string that must equal `expected`, as a `schema` field must.
    /// - Throws: `.unknownSchema` naming what was found.
    package mutating func readSchema(_ expected: StaticString, field: String) throws(EventDecodingError) {
        skipWhitespace()
        let start = offset
        if let bytes = try readRawString(field: field), Self.position(of: bytes, in: [expected]) == 0 { return }
        offset = start
        let found = try readString(field: field)
        let expectedText = expected.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        guard found == expectedText else {
            throw EventDecodingError(.unknownSchema(found: found, expected: expectedText), field: field)
        }
    }
}

extension JSONReader {
    /// Reads a string that must not be empty, as ``readNonEmptyString(field:)`` does, and gives where it is.
    mutating func readNonEmptyStringRange(field: String) throws(EventDecodingError) -> JSONStringRange {
        let start = offset
        let value = try readStringRange(field: field)
        // An escape always stands for at least one byte, so an empty range is exactly an empty string.
        guard value.count > 0 else {
            throw EventDecodingError(.invalidValue("must not be empty"), field: field, offset: start)
        }
        return value
    }
}
