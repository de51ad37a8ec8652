/// Keyed SipHash-2-4, for identifiers that must be stable and hard to collide (draft ids).
extension StableHash {
    /// SipHash-2-4 of `bytes` with a 128-bit key given as two words.
    static func sipHash24(_ bytes: UnsafeBufferPointer<UInt8>, key0: UInt64, key1: UInt64) -> UInt64 {
        var v0: UInt64 = 0x736F_6D65_7073_6575 ^ key0
        var v1: UInt64 = 0x646F_7261_6E64_6F6D ^ key1
        var v2: UInt64 = 0x6C79_6765_6E65_7261 ^ key0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ key1

        func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(13) ^ v0
            v0 = v0.rotatedLeft(32)
            v2 &+= v3
            v3 = v3.rotatedLeft(16) ^ v2
            v0 &+= v3
            v3 = v3.rotatedLeft(21) ^ v0
            v2 &+= v1
            v1 = v1.rotatedLeft(17) ^ v2
            v2 = v2.rotatedLeft(32)
        }

        let count = bytes.count
        let wholeWords = count / 8
        let raw = UnsafeRawBufferPointer(bytes)
        for word in 0..<wholeWords {
            // SipHash reads each word little-endian.
            let m = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            v3 ^= m
            round()
            round()
            v0 ^= m
        }
        var last = UInt64(count & 0xFF) << 56
        for index in 0..<(count - wholeWords * 8) {
            last |= UInt64(bytes[wholeWords * 8 + index]) << UInt64(8 * index)
        }
        v3 ^= last
        round()
        round()
        v0 ^= last
        v2 ^= 0xFF
        round()
        round()
        round()
        round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// Writes the low `digits` hex digits of `value`, most significant first, into `output` (`digits` long).
    static func writeHex(_ value: UInt64, digits: Int, to output: UnsafeMutableBufferPointer<UInt8>) {
        let alphabet: StaticString = "0123456789abcdef"
        for position in 0..<min(digits, output.count) {
            let shift = UInt64((digits - 1 - position) * 4)
            output[position] = alphabet.utf8Start[Int((value >> shift) & 0xF)]
        }
    }

    /// Appends the low `digits` hex digits of `value`, most significant first.
    static func appendHex(_ value: UInt64, digits: Int, to output: inout [UInt8]) {
        let alphabet: StaticString = "0123456789abcdef"
        for position in stride(from: digits - 1, through: 0, by: -1) {
            output.append(alphabet.utf8Start[Int((value >> UInt64(position * 4)) & 0xF)])
        }
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
