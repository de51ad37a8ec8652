/// Writes JSON through a pointer into memory reserved beforehand, with no capacity check per byte.
///
/// Only ``JSONWriter/appendUnchecked(maximum:_:)`` makes one, after reserving the `maximum` bytes its
/// caller promises not to exceed; sizing helpers (``quotedMaximum(_:)``) give safe bounds.
struct UnsafeJSONOutput {
    private let start: UnsafeMutablePointer<UInt8>
    private var next: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) {
        self.start = start
        next = start
    }

    /// The bytes written so far.
    var count: Int { start.distance(to: next) }

    /// The most bytes ``quoted(_:)`` writes for `value`: every byte escaped as `\u00XX`, and the quotes.
    static func quotedMaximum(_ value: String) -> Int { value.utf8.count * 6 + 2 }

    /// Copies literal JSON text (punctuation and member names).
    mutating func raw(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        next.update(from: text.utf8Start, count: count)
        next += count
    }

    /// Moves past `count` bytes that the caller fills in through the pointer returned.
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        defer { next += count }
        return next
    }

    /// Writes one byte.
    mutating func byte(_ value: UInt8) {
        next.pointee = value
        next += 1
    }

    /// Writes a string in quotes, escaping quotes, backslashes, control characters, U+2028 and U+2029.
    mutating func quoted(_ value: String) {
        var value = value
        value.withUTF8 { quoted($0) }
    }

    /// Writes UTF-8 text in quotes, escaped as ``quoted(_:)-(String)`` escapes it.
    mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        escaped(utf8)
        byte(UInt8(ascii: "\""))
    }

    /// Writes UTF-8 text escaped for a JSON string, without the quotes (at most 6 bytes per byte).
    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        var index = 0
        let count = utf8.count
        // Only the bytes the word test flags can need an escape: go from one to the next, copying the
        // runs between them whole.
        while let flagged = Self.firstFlagged(base, from: index, count: count) {
            index = flagged
            let byte = base[index]
            var escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0..<0x20: escape = ""
            case 0xE2
            where index + 2 < count && base[index + 1] == 0x80
                && (base[index + 2] == 0xA8 || base[index + 2] == 0xA9):
                escape = base[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default: break
            }
            guard let escape else {
                index += 1
                continue
            }
            copy(base + runStart, index - runStart)
            if escape.utf8CodeUnitCount == 0 {
                controlEscape(byte)
            } else {
                raw(escape)
            }
            index += width
            runStart = index
        }
        copy(base + runStart, count - runStart)
    }

    /// The offset of the first byte from `index` on that may need an escape (``escapeBits(_:)``), or
    /// `nil` when none does.
    @inline(__always)
    private static func firstFlagged(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int? {
        var index = index
        while index + 8 <= count {
            let flagged = escapeBits(
                UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
            if flagged != 0 { return index + flagged.trailingZeroBitCount >> 3 }
            index += 8
        }
        guard index < count else { return nil }
        // Fewer than eight bytes left (most strings here are short): test them as one word.
        let flagged = escapeBits(tailWord(base, from: index, count: count))
        return flagged == 0 ? nil : index + flagged.trailingZeroBitCount >> 3
    }

    /// Writes a string escaped for a JSON string, without the quotes; nothing for `nil`.
    mutating func escaped(_ value: String?) {
        guard var value else { return }
        value.withUTF8 { escaped($0) }
    }

    /// Copies bytes that are already JSON (a fragment prepared beforehand).
    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        copy(base, bytes.count)
    }

    /// Writes an integer in decimal (at most 20 bytes).
    mutating func int(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = next + digits
        repeat {
            position -= 1
            position.pointee = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        next += digits
    }

    /// Writes a timestamp as a quoted RFC 3339 time in UTC with milliseconds (at most 34 bytes).
    mutating func timestamp(_ value: Timestamp) {
        byte(UInt8(ascii: "\""))
        next += value.writeRFC3339(to: next)
        byte(UInt8(ascii: "\""))
    }

    /// The high bit of each of eight bytes (the first byte in the lowest bits) that may be a quote, a
    /// backslash, a control character or 0xE2 (which starts U+2028 and U+2029). A byte can be flagged
    /// wrongly only through a borrow from a lower byte that is flagged rightly, so the lowest bit set
    /// marks a byte that is one of them; no such byte is ever missed.
    @inline(__always)
    private static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func hasByte(_ value: UInt8) -> UInt64 {
            let folded = word ^ (ones &* UInt64(value))
            return (folded &- ones) & ~folded
        }
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasByte(UInt8(ascii: "\"")) | hasByte(UInt8(ascii: "\\")) | hasByte(0xE2) | hasControl) & (ones &* 0x80)
    }

    /// A word holding the bytes from `index` to `count` (fewer than eight) in its low bytes, first
    /// byte lowest, and spaces, which need no escape, above them.
    @inline(__always)
    private static func tailWord(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> UInt64 {
        let left = count - index
        let spaces: UInt64 = 0x2020_2020_2020_2020
        if count >= 8 {
            // The last eight bytes, with those before `index` (already written) shifted out.
            let last = UInt64(littleEndian: UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))
            return last >> (8 * UInt64(8 - left)) | spaces << (8 * UInt64(left))
        }
        var word = spaces
        for offset in 0..<left {
            word = word & ~(0xFF << (8 * UInt64(offset))) | UInt64(base[index + offset]) << (8 * UInt64(offset))
        }
        return word
    }

    private mutating func copy(_ source: UnsafePointer<UInt8>, _ count: Int) {
        next.update(from: source, count: count)
        next += count
    }

    private mutating func controlEscape(_ value: UInt8) {
        let hexDigits: StaticString = "0123456789abcdef"
        raw("\\u00")
        byte(hexDigits.utf8Start[Int(value >> 4)])
        byte(hexDigits.utf8Start[Int(value & 0xF)])
    }
}
