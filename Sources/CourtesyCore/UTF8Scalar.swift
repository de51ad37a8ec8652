/// Reading and writing UTF-8 one code point at a time, for the scanners that work on a text's bytes
/// (``Tokenizer``, ``FactExtractor``, ``RepetitionCue``) without building strings.
enum UTF8Scalar {
    /// The code point at `index` of valid UTF-8 and its length in bytes. ASCII reads as itself; a stray
    /// continuation byte or a sequence cut by the end of the buffer reads as U+FFFD over the bytes present,
    /// so a caller always advances.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = text[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF7:
            length = 4
            value = UInt32(lead & 0x07)
        default:
            return (lead < 0x80 ? UInt32(lead) : 0xFFFD, 1)
        }
        guard index + length <= text.count else { return (0xFFFD, text.count - index) }
        for offset in 1..<length {
            value = value << 6 | UInt32(text[index + offset] & 0x3F)
        }
        return (value, length)
    }

    /// An ASCII capital lower-cased; any other byte as it is.
    @inline(__always) static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Where `needle` next occurs in `text`, from `start` on: byte for byte, or with ASCII letters of `text` in
    /// any case when `ignoringASCIICase` (`needle` is then lowercase). A plain loop over the bytes: the standard
    /// library's generic searches and Foundation's cost microseconds on a hot path.
    static func firstIndex(
        of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int = 0,
        ignoringASCIICase: Bool = false
    ) -> Int? {
        guard let first = needle.first, start >= 0, needle.count <= text.count - start else { return nil }
        var index = start
        let last = text.count - needle.count
        while index <= last {
            var offset = 0
            while offset < needle.count {
                let byte = text[index + offset]
                guard (ignoringASCIICase ? lowercasedASCII(byte) : byte) == needle[offset] else { break }
                offset += 1
            }
            if offset == needle.count { return index }
            index += 1
            // Straight to the next byte that can start a match.
            while !ignoringASCIICase && index <= last && text[index] != first { index += 1 }
        }
        return nil
    }

    /// Whether a code point is a Latin-1 capital, À–Þ but not ×: the capitals the scanners lower-case.
    @inline(__always) static func isLatin1Capital(_ scalar: UInt32) -> Bool {
        scalar >= 0xC0 && scalar <= 0xDE && scalar != 0xD7
    }

    /// A code point lower-cased as the scanners compare words: Latin-1 capitals by adding 0x20, every other
    /// code point as it is (ASCII is lower-cased by byte, before decoding).
    @inline(__always) static func lowercasedLatin1(_ scalar: UInt32) -> UInt32 {
        isLatin1Capital(scalar) ? scalar + 0x20 : scalar
    }
}

/// The UTF-8 bytes of one scalar, without allocating.
struct UTF8Bytes: Sequence, IteratorProtocol {
    private var packed: UInt32 = 0
    private var remaining = 0

    init(scalar value: UInt32) {
        switch value {
        case 0..<0x80:
            packed = value
            remaining = 1
        case 0x80..<0x800:
            packed = (0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8
            remaining = 2
        case 0x800..<0x10000:
            packed = (0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16
            remaining = 3
        default:
            packed =
                (0xF0 | value >> 18) | (0x80 | value >> 12 & 0x3F) << 8 | (0x80 | value >> 6 & 0x3F) << 16
                | (0x80 | value & 0x3F) << 24
            remaining = 4
        }
    }

    mutating func next() -> UInt8? {
        guard remaining > 0 else { return nil }
        let byte = UInt8(truncatingIfNeeded: packed)
        packed >>= 8
        remaining -= 1
        return byte
    }
}
