import Foundation

/// The pseudo-random numbers behind ``SampleMentions`` and the benchmarks' generated events: SplitMix64, so a seed always gives the same stream
/// on every platform and in every release.
package struct SampleRandom {
    private var state: UInt64

    /// A generator started from `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<count`; `count` must be positive.
    package mutating func below(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }

    /// A number in `range`.
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in `[0, 1)`.
    package mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// True with probability `probability`.
    package mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty list.
    package mutating func pick<Element>(_ list: [Element]) -> Element {
        list[below(list.count)]
    }

    /// A count spread evenly on a logarithmic scale between `low` and `high` (both positive): as many
    /// accounts with 100–1,000 followers as with 1,000–10,000.
    package mutating func logUniform(_ low: Int, _ high: Int) -> Int {
        let value = exp(log(Double(low)) + (log(Double(high)) - log(Double(low))) * unit())
        return max(low, min(high, Int(value)))
    }

    /// A decimal number of exactly `digits` digits, the first not zero.
    package mutating func digits(_ digits: Int) -> String {
        var text = String(int(in: 1...9))
        for _ in 1..<max(digits, 1) { text += String(below(10)) }
        return text
    }

    /// `count` lowercase hexadecimal digits.
    package mutating func hex(_ count: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        return String((0..<count).map { _ in alphabet[below(16)] })
    }
}
