/// The features a ``ToneModel`` reads: hashed word 1–2-grams and character 3–5-grams of the text, and a
/// few of the rules' own findings.
///
/// The text is normalised first, over its UTF-8 bytes: @handles are dropped (a brand handle such as
/// `@united` must not count as a word), links become `http`, digits become `0`, ASCII letters are folded
/// to lowercase and runs of white space become one space. Character n-grams are taken over those bytes,
/// with a space at each end; words are runs of letters, digits, apostrophes and non-ASCII bytes, and `!`
/// and `?` count as words. Words are hashed with 64-bit FNV-1a, word pairs by combining two words' hashes,
/// character n-grams by tabulation hashing; each hash is then multiplied by a Fibonacci constant and its top
/// bits pick one of 2^bits buckets. Every n-gram has the value 1/√n, n being how many the text has, so long
/// and short texts weigh alike.
enum ToneFeatures {
    /// What the feature set is called in a model file: a model is applied only with the same features.
    static let name = "utf8-words1-2+chars3-5+rules1"

    /// How many rule values ``forEachRuleValue(_:intent:_:)`` gives at most.
    static let ruleCount = 13

    private static let prime: UInt64 = 0x0000_0100_0000_01b3
    private static let wordSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// A random 64-bit value for each byte, from a fixed seed: the tabulation hashing of character n-grams.
    private static let byteValues: [UInt64] = {
        var random = SampleRandom(seed: 0x6368_6172_7331)
        return (0..<256).map { _ in random.next() }
    }()
    private static let fibonacci: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// The buckets of every n-gram of `text` (a bucket may come more than once).
    static func buckets(of text: String, bits: Int) -> [UInt32] {
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 8) { buffer in
                let length = normalise(utf8, into: buffer)
                return [UInt32](unsafeUninitializedCapacity: bucketCapacity(normalisedLength: length)) {
                    output, count in
                    count = buckets(
                        of: UnsafeBufferPointer(rebasing: buffer[..<length]), bits: bits, into: output.baseAddress!)
                }
            }
        }
    }

    /// The normalised bytes of `utf8`, with a space before and after, written to `buffer` (at least
    /// `utf8.count + 2` long); returns how many were written.
    static func normalise(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let space = UInt8(ascii: " ")
        buffer[0] = space
        var count = 1
        var last = space
        var index = 0
        let end = utf8.count
        folded.withUnsafeBufferPointer { folded in
            while index < end {
                let byte = utf8[index]
                if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "h") {
                    if byte == UInt8(ascii: "@"), index + 1 < end, isHandleByte(utf8[index + 1]) {
                        index += 1
                        while index < end && isHandleByte(utf8[index]) { index += 1 }
                        continue
                    }
                    if byte == UInt8(ascii: "h"), startsLink(utf8, at: index) {
                        while index < end && !isSpace(utf8[index]) { index += 1 }
                        for letter in (last == space ? "http " : " http ").utf8 {
                            buffer[count] = letter
                            count += 1
                        }
                        last = space
                        continue
                    }
                }
                index += 1
                // Written always; kept unless it is a second space in a row.
                let value = folded[Int(byte)]
                buffer[count] = value
                count &+= value == space && last == space ? 0 : 1
                last = value
            }
        }
        if last != space {
            buffer[count] = space
            count += 1
        }
        return count
    }

    /// Each byte as ``normalise(_:into:)`` writes it: ASCII letters in lowercase, digits as `0`, white
    /// space as a space, every other byte as itself.
    private static let folded: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return byte | 0x20 }
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return UInt8(ascii: "0") }
        if isSpace(byte) { return UInt8(ascii: " ") }
        return byte
    }

    /// The most buckets ``buckets(of:bits:into:)`` writes for normalised bytes of this length.
    static func bucketCapacity(normalisedLength length: Int) -> Int { 5 * length + 8 }

    /// Writes the buckets of normalised bytes (as ``normalise(_:into:)`` writes them) to `output`, which has
    /// room for ``bucketCapacity(normalisedLength:)``; returns how many it wrote.
    static func buckets(of bytes: UnsafeBufferPointer<UInt8>, bits: Int, into output: UnsafeMutablePointer<UInt32>)
        -> Int
    {
        let shift = UInt64(64 - bits)
        var emitted = 0

        // Character 3–5-grams, by tabulation hashing: each byte has a random 64-bit value, rotated by its
        // place in the n-gram, so the n-grams of different positions are hashed independently of each other.
        let count = bytes.count
        byteValues.withUnsafeBufferPointer { values in
            var start = 0
            while start + 2 < count {
                var state =
                    values[Int(bytes[start])] ^ rotated(values[Int(bytes[start + 1])], 9)
                    ^ rotated(values[Int(bytes[start + 2])], 18)
                output[emitted] = UInt32(truncatingIfNeeded: ((state ^ 3) &* fibonacci) &>> shift)
                emitted += 1
                if start + 3 < count {
                    state ^= rotated(values[Int(bytes[start + 3])], 27)
                    output[emitted] = UInt32(truncatingIfNeeded: ((state ^ 4) &* fibonacci) &>> shift)
                    emitted += 1
                    if start + 4 < count {
                        state ^= rotated(values[Int(bytes[start + 4])], 36)
                        output[emitted] = UInt32(truncatingIfNeeded: ((state ^ 5) &* fibonacci) &>> shift)
                        emitted += 1
                    }
                }
                start += 1
            }
        }
        // Words and word pairs.
        var previous: UInt64 = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            var word: UInt64
            if isWordByte(byte) {
                word = wordSeed
                while index < count && isWordByte(bytes[index]) {
                    word = (word ^ UInt64(bytes[index])) &* prime
                    index += 1
                }
            } else {
                index += 1
                guard byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else { continue }
                word = (wordSeed ^ UInt64(byte)) &* prime
            }
            output[emitted] = UInt32(truncatingIfNeeded: (word &* fibonacci) &>> shift)
            emitted += 1
            if previous != 0 {
                let pair = (previous &* prime) ^ (word &+ fibonacci)
                output[emitted] = UInt32(truncatingIfNeeded: (pair &* fibonacci) &>> shift)
                emitted += 1
            }
            previous = word
        }
        return emitted
    }

    /// Calls `body` with the position and value of every rule value that is not 0: the rules' findings as
    /// numbers near [-1, 1]. They are the intent the rules chose (one of four), the sentiment, the complaint,
    /// praise and negative weights, and whether the text is sarcastic, asks, requests, threatens to escalate
    /// or thanks sincerely.
    @inline(__always)
    static func forEachRuleValue(_ analysis: TextAnalysis, intent: Intent, _ body: (Int, Float) -> Void) {
        func capped(_ value: Double) -> Float { Float(min(max(value, 0), 4) / 4) }
        switch intent {
        case .complaint: body(0, 1)
        case .compliment: body(1, 1)
        case .question: body(2, 1)
        case .other: body(3, 1)
        }
        if analysis.sentiment != 0 { body(4, Float(analysis.sentiment)) }
        if analysis.complaint > 0 { body(5, capped(analysis.complaint)) }
        if analysis.positive > 0 { body(6, capped(analysis.positive)) }
        let negative = analysis.negative + analysis.situationNegative
        if negative > 0 { body(7, capped(negative)) }
        if analysis.sarcasm { body(8, 1) }
        if analysis.question { body(9, 1) }
        if analysis.request { body(10, 1) }
        if !analysis.threats.isDisjoint(with: .escalations) { body(11, 1) }
        if analysis.gratitude { body(12, 1) }
    }

    @inline(__always)
    private static func rotated(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }

    private static func isHandleByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "'")
    }

    /// Whether `http://` or `https://` starts at `index`.
    private static func startsLink(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let rest = utf8.count - index
        guard rest >= 7, utf8[index + 1] == UInt8(ascii: "t"), utf8[index + 2] == UInt8(ascii: "t"),
            utf8[index + 3] == UInt8(ascii: "p")
        else { return false }
        var colon = index + 4
        if utf8[colon] == UInt8(ascii: "s") { colon += 1 }
        return colon + 2 < utf8.count && utf8[colon] == UInt8(ascii: ":") && utf8[colon + 1] == UInt8(ascii: "/")
            && utf8[colon + 2] == UInt8(ascii: "/")
    }
}
