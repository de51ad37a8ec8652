extension Draft {
    /// The draft id for a mention: `d_` and 24 hex digits (96 bits) of a keyed SipHash of
    /// `platform:mentionId`.
    ///
    /// The hash keys are fixed constants, so every process and every replay gives the same id for the
    /// same mention; consumers de-duplicate by it.
    package static func identifier(platform: Platform, mentionId: String) -> String {
        var mentionId = mentionId
        return mentionId.withUTF8 { id in
            String(unsafeUninitializedCapacity: identifierLength) { output in
                guard let base = output.baseAddress else { return 0 }
                writeIdentifier(platform: platform, mentionId: id, to: base)
                return identifierLength
            }
        }
    }

    /// The length of every draft id in bytes.
    static let identifierLength = 26

    /// Whether `bytes` have the form of a draft id: `d_` and 24 lowercase hex digits.
    package static func isIdentifier(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count == identifierLength, bytes.starts(with: [UInt8(ascii: "d"), UInt8(ascii: "_")]) else {
            return false
        }
        return bytes.dropFirst(2).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Writes the draft id for a mention id given as UTF-8 (``identifierLength`` bytes).
    static func writeIdentifier(
        platform: Platform, mentionId: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>
    ) {
        var platformName = platform.rawValue
        let length = platformName.utf8.count + 1 + mentionId.count
        // Hash `platform:mentionId` from one buffer without building the string.
        let (high, low) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { input in
            let afterPlatform = platformName.withUTF8 { input.initialize(fromContentsOf: $0) }
            input[afterPlatform] = UInt8(ascii: ":")
            _ = UnsafeMutableBufferPointer(rebasing: input[(afterPlatform + 1)...]).initialize(
                fromContentsOf: mentionId)
            let bytes = UnsafeBufferPointer(input)
            return (
                StableHash.sipHash24(bytes, key0: 0x436F_7572_7465_7379, key1: 0x6472_6166_742F_7631),
                StableHash.sipHash24(bytes, key0: 0x6D65_6E74_696F_6E21, key1: 0x7265_706C_792D_6964)
            )
        }
        output[0] = UInt8(ascii: "d")
        output[1] = UInt8(ascii: "_")
        StableHash.writeHex(high, digits: 16, to: UnsafeMutableBufferPointer(start: output + 2, count: 16))
        StableHash.writeHex(low >> 32, digits: 8, to: UnsafeMutableBufferPointer(start: output + 18, count: 8))
    }

    /// The most UTF-8 bytes of a mention's text a draft's excerpt keeps.
    package static let excerptLimit = 140

    /// The start of a mention's text for the approval queue: at most `limit` UTF-8 bytes, cut at a
    /// space when there is one near the limit and never inside a character (a letter and its accents,
    /// an emoji sequence, a flag), with `…` when something was cut.
    package static func excerpt(of text: String, limit: Int = excerptLimit) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            guard let end = excerptEnd(of: utf8, limit: limit) else { return String(decoding: utf8, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[..<end]), as: UTF8.self) + "…"
        }
    }

    /// Whether ``excerpt(of:limit:)`` cuts `text` with the default limit: then the draft carries the
    /// whole text as well, in ``mentionText``.
    package static func excerptCuts(_ text: String) -> Bool {
        text.utf8.count > excerptLimit
    }

    /// Where ``excerpt(of:limit:)`` cuts UTF-8 text, or `nil` when the whole text fits.
    static func excerptEnd(of utf8: UnsafeBufferPointer<UInt8>, limit: Int = excerptLimit) -> Int? {
        guard utf8.count > limit else { return nil }
        var end = max(limit, 0)
        // Step back to a scalar boundary, then to the last space if one is near.
        while end > 0 && UTF8.isContinuation(utf8[end]) {
            end -= 1
        }
        var cut = end
        var stepped = 0
        while cut > 0 && stepped < 40 {
            if utf8[cut - 1] == UInt8(ascii: " ") {
                end = cut - 1
                break
            }
            cut -= 1
            stepped += 1
        }
        return characterBoundary(atOrBefore: end, in: utf8)
    }

    /// The last boundary between characters (extended grapheme clusters) at or before `end`, a scalar boundary.
    private static func characterBoundary(atOrBefore end: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard end > 0 && end < utf8.count else { return end }
        let before = utf8[end - 1]
        let after = utf8[end]
        // Between two ASCII characters there is always a boundary, except inside CR LF.
        if before < 0x80 && after < 0x80 && !(before == 0x0D && after == 0x0A) { return end }
        // Whether there is a boundary before a scalar depends on the text before it and on that one
        // scalar only, so a window through the scalar at `end` places boundaries as the whole text does.
        var windowEnd = end + 1
        while windowEnd < utf8.count && UTF8.isContinuation(utf8[windowEnd]) {
            windowEnd += 1
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: utf8[..<windowEnd]), as: UTF8.self)
        var boundary = 0
        for character in window {
            let next = boundary + character.utf8.count
            guard next <= end else { break }
            boundary = next
        }
        return boundary
    }
}
