extension JSONReader {
    /// Reads a string that must not be empty.
    public mutating func readNonEmptyString(field: String) throws(EventDecodingError) -> String {
        let start = offset
        let value = try readString(field: field)
        guard !value.isEmpty else {
            throw EventDecodingError(.invalidValue("must not be empty"), field: field, offset: start)
        }
        return value
    }

    /// Reads an RFC 3339 date-time string.
    public mutating func readTimestamp(field: String) throws(EventDecodingError) -> Timestamp {
        skipWhitespace()
        let start = offset
        let value = try readString(field: field)
        guard let timestamp = Timestamp(rfc3339: value) else {
            throw EventDecodingError(
                .invalidValue("\"\(value.prefix(40))\" is not an RFC 3339 date-time"), field: field, offset: start)
        }
        return timestamp
    }

    /// Reads a platform name such as `x` or `facebook`.
    public mutating func readPlatform(field: String) throws(EventDecodingError) -> Platform {
        try readEnum(Platform.self, field: field)
    }

    /// Reads a string that must be the raw value of one case of `type`.
    public mutating func readEnum<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, field: String
    ) throws(EventDecodingError) -> Value where Value.RawValue == String {
        skipWhitespace()
        let start = offset
        let raw = try readString(field: field)
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw EventDecodingError(
                .invalidValue("unknown value \"\(raw.prefix(40))\" (expected one of \(allowed))"), field: field,
                offset: start)
        }
        return value
    }
}
