/// A hash that is the same in every process, on every machine and in every release.
///
/// Swift's `Hasher` is seeded per process, so it cannot choose a template variant or an agent
/// consistently across responder instances. This is 64-bit FNV-1a over the UTF-8 bytes, followed by
/// the SplitMix64 finaliser so that the low bits (used with `%`) are well mixed.
package enum StableHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The stable 64-bit hash of a string's UTF-8 bytes.
    package static func hash(_ string: String) -> UInt64 {
        mix(fnv1a(string))
    }

    /// The stable 64-bit hash of UTF-8 bytes: the same as ``hash(_:)`` of the string they encode.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        mix(fnv1a(bytes))
    }

    /// 64-bit FNV-1a of the string's UTF-8 bytes, without the finaliser.
    static func fnv1a(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { fnv1a($0) }
    }

    /// 64-bit FNV-1a of bytes, without the finaliser; pass the `state` of earlier bytes to hash a
    /// concatenation piece by piece.
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, continuing state: UInt64 = offsetBasis) -> UInt64 {
        var state = state
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* prime
        }
        return state
    }

    /// The stable hash of two values combined, order-sensitive; used for rendezvous weights.
    package static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first ^ (second &* 0x9e37_79b9_7f4a_7c15 &+ 0x632b_e59b_d9b4_e019))
    }

    /// The SplitMix64 finaliser: spreads every input bit over every output bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
