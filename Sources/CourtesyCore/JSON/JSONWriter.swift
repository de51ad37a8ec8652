/// Writes compact JSON straight into a byte buffer, in the order the caller writes members.
///
/// Output is deterministic: the same calls give the same bytes. Strings are escaped so the result
/// is safe to embed anywhere JSON may go: quotes, backslashes and control characters are escaped,
/// and so are U+2028 and U+2029, which some JavaScript parsers treat as line breaks.
package struct JSONWriter: Sendable {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]
    private var needsComma = false

    /// Creates a writer, reserving `capacity` bytes.
    package init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Runs `body` with a writer that appends to `bytes`; the buffer is moved in and back out, not copied.
    package static func appending(to bytes: inout [UInt8], _ body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(capacity: 0)
        swap(&writer.bytes, &bytes)
        body(&writer)
        swap(&writer.bytes, &bytes)
    }

    /// Opens an object (as a value, or as the value of the member just named).
    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the current object.
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array.
    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the current array.
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member name; the next call writes its value.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value.
    package mutating func string(_ value: String) {
        appendUnchecked(maximum: UnsafeJSONOutput.quotedMaximum(value)) { $0.quoted(value) }
    }

    /// Writes an integer value.
    package mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
        needsComma = true
    }

    /// Writes `null`.
    package mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// Writes a timestamp as an RFC 3339 string in UTC with milliseconds.
    package mutating func timestamp(_ value: Timestamp) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes `name: value` if `value` is not `nil`.
    package mutating func optionalString(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes a finite number in fixed-point notation with `fractionDigits` decimals (non-finite values as `null`).
    package mutating func decimal(_ value: Double, fractionDigits: Int) {
        guard value.isFinite else {
            null()
            return
        }
        separate()
        bytes.append(contentsOf: formatFixed(value, fractionDigits: fractionDigits).utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func appendDecimal(_ value: Int) {
        let magnitude = value.magnitude
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var divisor: UInt = 1
        while divisor <= magnitude / 10 {
            divisor *= 10
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends one complete value that `body` writes through a pointer, in at most `maximum` bytes.
    ///
    /// This is how hot encoders (``Draft/write(to:)``) avoid a capacity check per byte: the room is
    /// made once, then filled directly. Writing more than `maximum` bytes is a programming error.
    mutating func appendUnchecked(maximum: Int, _ body: (inout UnsafeJSONOutput) -> Void) {
        separate()
        needsComma = true
        guard maximum > 0 else { return }
        if bytes.isEmpty {
            // A fresh buffer need not be zeroed first.
            bytes = [UInt8](unsafeUninitializedCapacity: max(maximum, bytes.capacity)) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                var output = UnsafeJSONOutput(base)
                body(&output)
                assert(output.count <= maximum, "wrote \(output.count) bytes, promised at most \(maximum)")
                count = output.count
            }
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: maximum))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var output = UnsafeJSONOutput(base + start)
            body(&output)
            assert(output.count <= maximum, "wrote \(output.count) bytes, promised at most \(maximum)")
            return output.count
        }
        bytes.removeLast(maximum - written)
    }
}
