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
        while index < count {
            // Eight bytes at a time while none can need an escape.
            while index + 8 <= count
                && !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
            }
            guard index < count else { break }
            // Fewer than eight bytes left (most strings here are short): check them as one word, the
            // last eight bytes of the string when it has eight (some checked twice), else the bytes
            // padded with spaces, which need no escape.
            if count - index < 8 && !Self.mayNeedEscape(Self.lastWord(base, from: index, count: count)) {
                index = count
                break
            }
            let byte = base[index]
            // Most bytes need no escape: skip them without the switch below.
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index += 1
                continue
            }
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

    /// Whether any of eight bytes is a quote, a backslash, a control character or 0xE2 (which starts
    /// U+2028 and U+2029); it may say so when none is, never the other way round.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func hasByte(_ value: UInt8) -> UInt64 {
            let folded = word ^ (ones &* UInt64(value))
            return (folded &- ones) & ~folded
        }
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasByte(UInt8(ascii: "\"")) | hasByte(UInt8(ascii: "\\")) | hasByte(0xE2) | hasControl) & (ones &* 0x80)
            != 0
    }

    /// A word holding the bytes from `index` to `count` (fewer than eight) and only bytes that need no escape.
    @inline(__always)
    private static func lastWord(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> UInt64 {
        if count >= 8 { return UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self) }
        var word: UInt64 = 0x2020_2020_2020_2020
        for offset in 0..<(count - index) {
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
