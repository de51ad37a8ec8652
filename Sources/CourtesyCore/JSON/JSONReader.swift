/// A strict JSON (RFC 8259) pull reader over UTF-8 bytes.
///
/// It reads values in document order without building a tree, which keeps event decoding
/// allocation-light: only the strings a caller asks for become `String`s. It rejects what the
/// RFC rejects (trailing commas, leading zeros, unescaped control characters, invalid UTF-8,
/// lone surrogates) and enforces a nesting-depth limit.
///
/// The reader borrows its bytes: use it only inside the closure of ``read(_:maxDepth:_:)`` or
/// while the buffer given to ``init(bytes:maxDepth:)`` stays alive.
package struct JSONReader {
    /// The bytes being read.
    package let bytes: UnsafeRawBufferPointer
    /// The offset of the next unread byte.
    package internal(set) var offset: Int = 0
    /// How deeply objects and arrays may nest.
    package let maxDepth: Int
    var depth = 0
    /// Where the member name last read by ``nextKey(first:among:field:)`` starts (its opening quote).
    var keyStart = 0

    /// Creates a reader over `bytes`, which must outlive it.
    package init(bytes: UnsafeRawBufferPointer, maxDepth: Int = EventLimits.standard.maxDepth) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Runs `body` with a reader over `bytes`.
    package static func read<Result>(
        _ bytes: [UInt8],
        maxDepth: Int = EventLimits.standard.maxDepth,
        _ body: (inout JSONReader) throws(EventDecodingError) -> Result
    ) throws(EventDecodingError) -> Result {
        try withBuffer(bytes) { (buffer) throws(EventDecodingError) -> Result in
            var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
            return try body(&reader)
        }
    }

    /// `Array.withUnsafeBytes` with a typed error.
    static func withBuffer<Value>(
        _ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(EventDecodingError) -> Value
    ) throws(EventDecodingError) -> Value {
        let result: Swift.Result<Value, EventDecodingError> = bytes.withUnsafeBytes { buffer in
            do throws(EventDecodingError) {
                return .success(try body(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Structure

    /// The kind of the next value, after skipping whitespace.
    package mutating func peekKind(field: String? = nil) throws(EventDecodingError) -> JSONValueKind {
        skipWhitespace()
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case let byte:
            throw EventDecodingError(.syntax("unexpected \(Self.describe(byte))"), field: field, offset: offset)
        }
    }

    /// Consumes the `{` that opens a whole event. When the input is not an object, the syntax error in
    /// what is there is reported instead, since it explains more than "expected an object".
    package mutating func beginEventObject() throws(EventDecodingError) {
        if try peekKind() != .object {
            var probe = self
            try probe.skipValue()
        }
        try beginObject()
    }

    /// Consumes the `{` that opens an object; then call ``nextKey(first:field:)`` until it returns `nil`.
    package mutating func beginObject(field: String? = nil) throws(EventDecodingError) {
        try expectKind(.object, field: field)
        try enterContainer(field: field)
    }

    /// Moves to the opening quote of the next member name of the current object and returns `true`, or
    /// consumes the object's `}` and returns `false`.
    private mutating func atMemberName(first: inout Bool, field: String?) throws(EventDecodingError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        if bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            first = false
            return false
        }
        if !first {
            guard bytes[offset] == UInt8(ascii: ",") else {
                throw EventDecodingError(.syntax("expected ',' or '}'"), field: field, offset: offset)
            }
            offset += 1
            skipWhitespace()
        }
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        guard bytes[offset] == UInt8(ascii: "\"") else {
            throw EventDecodingError(.syntax("expected a member name in quotes"), field: field, offset: offset)
        }
        return true
    }

    /// Reads the next member name of the current object, or consumes its `}` and returns `nil`.
    ///
    /// - Parameter first: `true` before the first member; the reader sets it to `false`.
    package mutating func nextKey(first: inout Bool, field: String? = nil) throws(EventDecodingError) -> String? {
        guard try atMemberName(first: &first, field: field) else { return nil }
        let key = try readString(field: field)
        skipWhitespace()
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        guard bytes[offset] == UInt8(ascii: ":") else {
            throw EventDecodingError(.syntax("expected ':' after member name"), field: field, offset: offset)
        }
        offset += 1
        first = false
        return key
    }

    /// Reads the next member name of the current object and gives its position in `names`, `-1` for a
    /// name not listed, or consumes the `}` and returns `nil`.
    ///
    /// Names are matched as bytes, so reading a known member creates no `String`; ``lastKey`` gives
    /// the name when it is needed (for an error, or to skip an unknown member).
    /// - Parameter expected: the position in `names` compared first: the member that usually comes
    ///   next, when the caller knows the order events are written in. Any order is still read.
    package mutating func nextKey<Name: JSONName>(
        first: inout Bool, among names: [Name], expecting expected: Int = 0, field: String? = nil
    ) throws(EventDecodingError) -> Int? {
        guard try atMemberName(first: &first, field: field) else { return nil }
        keyStart = offset
        let index: Int
        if names.indices.contains(expected), let end = endOfPlainName(names[expected], at: offset) {
            // The name expected, written plainly: reading it as a string could give nothing else.
            offset = end
            index = expected
        } else if let raw = try readRawString(field: field) {
            index = Self.position(of: raw, in: names, from: expected)
        } else {
            var key = try readString(field: field)
            index = key.withUTF8 { Self.position(of: UnsafeRawBufferPointer($0), in: names, from: expected) }
        }
        skipWhitespace()
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        guard bytes[offset] == UInt8(ascii: ":") else {
            throw EventDecodingError(.syntax("expected ':' after member name"), field: field, offset: offset)
        }
        offset += 1
        first = false
        return index
    }

    /// Where the string opening at `quote` ends (past its closing quote) when its bytes are exactly
    /// `name` and each is printable ASCII other than a quote or a backslash; else `nil`.
    private func endOfPlainName(_ name: some JSONName, at quote: Int) -> Int? {
        let count = name.utf8CodeUnitCount
        let end = quote + count + 2
        guard end <= bytes.count, bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
        let nameBytes = name.utf8Start
        for index in 0..<count {
            let byte = bytes[quote + 1 + index]
            guard byte == nameBytes[index], byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""),
                byte != UInt8(ascii: "\\")
            else { return nil }
        }
        return end
    }

    /// The member name last read by ``nextKey(first:among:field:)``, unescaped.
    package var lastKey: String {
        var copy = self
        copy.offset = keyStart
        return (try? copy.readString()) ?? ""
    }

    /// The index of the name equal to `key` in `names`, or `-1`; the names are compared from
    /// position `start` on, then from the first (the names are distinct, so the order changes nothing
    /// but the time).
    static func position<Name: JSONName>(of key: UnsafeRawBufferPointer, in names: [Name], from start: Int = 0) -> Int {
        guard let keyBytes = key.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return names.firstIndex { $0.utf8CodeUnitCount == 0 } ?? -1
        }
        let count = key.count
        let start = names.indices.contains(start) ? start : 0
        // A plain loop over the bytes: the generic `elementsEqual` costs more than the comparison itself.
        search: for step in names.indices {
            let index = start + step < names.count ? start + step : start + step - names.count
            let name = names[index]
            guard name.utf8CodeUnitCount == count else { continue }
            let nameBytes = name.utf8Start
            for offset in 0..<count where nameBytes[offset] != keyBytes[offset] {
                continue search
            }
            return index
        }
        return -1
    }

    /// Consumes the `[` that opens an array; then call ``nextElement(first:field:)`` until it returns `false`.
    package mutating func beginArray(field: String? = nil) throws(EventDecodingError) {
        try expectKind(.array, field: field)
        try enterContainer(field: field)
    }

    /// Whether another element follows in the current array; consumes the `]` when it does not.
    package mutating func nextElement(first: inout Bool, field: String? = nil) throws(EventDecodingError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw EventDecodingError(.unexpectedEnd, field: field, offset: offset) }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            first = false
            return false
        }
        if !first {
            guard bytes[offset] == UInt8(ascii: ",") else {
                throw EventDecodingError(.syntax("expected ',' or ']'"), field: field, offset: offset)
            }
            offset += 1
        }
        first = false
        return true
    }

    /// Checks that only whitespace is left.
    package mutating func expectEnd() throws(EventDecodingError) {
        skipWhitespace()
        guard offset == bytes.count else {
            throw EventDecodingError(.syntax("unexpected data after the value"), offset: offset)
        }
    }

    // MARK: - Scalars

    /// Reads a `true` or `false`.
    package mutating func readBool(field: String? = nil) throws(EventDecodingError) -> Bool {
        try expectKind(.bool, field: field)
        if try consumeLiteral("true", field: field) { return true }
        if try consumeLiteral("false", field: field) { return false }
        throw EventDecodingError(.syntax("invalid literal"), field: field, offset: offset)
    }

    /// Consumes a `null` if one comes next and says whether it did.
    package mutating func readNullIfPresent(field: String? = nil) throws(EventDecodingError) -> Bool {
        guard try peekKind(field: field) == .null else { return false }
        guard try consumeLiteral("null", field: field) else {
            throw EventDecodingError(.syntax("invalid literal"), field: field, offset: offset)
        }
        return true
    }

    /// Skips one complete value of any type, checking that it is well-formed.
    package mutating func skipValue(field: String? = nil) throws(EventDecodingError) {
        switch try peekKind(field: field) {
        case .object:
            try beginObject(field: field)
            var first = true
            while try nextKey(first: &first, field: field) != nil {
                try skipValue(field: field)
            }
        case .array:
            try beginArray(field: field)
            var first = true
            while try nextElement(first: &first, field: field) {
                try skipValue(field: field)
            }
        case .string:
            try skipString(field: field)
        case .number:
            _ = try scanNumber(field: field)
        case .bool:
            _ = try readBool(field: field)
        case .null:
            _ = try readNullIfPresent(field: field)
        }
    }

    // MARK: - Helpers

    @inline(__always)
    mutating func skipWhitespace() {
        // Events are usually compact: most calls find a token at once.
        if offset < bytes.count && bytes[offset] > 0x20 { return }
        skipWhitespaceRun()
    }

    private mutating func skipWhitespaceRun() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    mutating func expectKind(_ expected: JSONValueKind, field: String?) throws(EventDecodingError) {
        let found = try peekKind(field: field)
        guard found == expected else {
            throw EventDecodingError(
                .typeMismatch(expected: expected.rawValue, found: found.rawValue), field: field, offset: offset)
        }
    }

    private mutating func enterContainer(field: String?) throws(EventDecodingError) {
        guard depth < maxDepth else {
            throw EventDecodingError(.tooDeep(limit: maxDepth), field: field, offset: offset)
        }
        depth += 1
        offset += 1
    }

    private mutating func consumeLiteral(_ literal: StaticString, field: String?) throws(EventDecodingError) -> Bool {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for index in 0..<count {
            guard offset + index < bytes.count else {
                throw EventDecodingError(.unexpectedEnd, field: field, offset: bytes.count)
            }
            if bytes[offset + index] != start[index] { return false }
        }
        offset += count
        return true
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "character '\(Character(Unicode.Scalar(byte)))'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 16 ? "0" : "")\(hex)"
    }
}
