extension Draft {
    /// The draft id for a mention: `d_` and 24 hex digits (96 bits) of a keyed SipHash of
    /// `platform:mentionId`.
    ///
    /// The hash keys are fixed constants, so every process and every replay gives the same id for the
    /// same mention; consumers de-duplicate by it.
    public static func identifier(platform: Platform, mentionId: String) -> String {
        var platformName = platform.rawValue
        var mentionId = mentionId
        let length = platformName.utf8.count + 1 + mentionId.utf8.count
        // Hash `platform:mentionId` from one buffer without building the string.
        let (high, low) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { input in
            let afterPlatform = platformName.withUTF8 { input.initialize(fromContentsOf: $0) }
            input[afterPlatform] = UInt8(ascii: ":")
            _ = mentionId.withUTF8 {
                UnsafeMutableBufferPointer(rebasing: input[(afterPlatform + 1)...]).initialize(fromContentsOf: $0)
            }
            let bytes = UnsafeBufferPointer(input)
            return (
                StableHash.sipHash24(bytes, key0: 0x436F_7572_7465_7379, key1: 0x6472_6166_742F_7631),
                StableHash.sipHash24(bytes, key0: 0x6D65_6E74_696F_6E21, key1: 0x7265_706C_792D_6964)
            )
        }
        return String(unsafeUninitializedCapacity: 26) { output in
            output[0] = UInt8(ascii: "d")
            output[1] = UInt8(ascii: "_")
            StableHash.writeHex(high, digits: 16, to: UnsafeMutableBufferPointer(rebasing: output[2..<18]))
            StableHash.writeHex(low >> 32, digits: 8, to: UnsafeMutableBufferPointer(rebasing: output[18..<26]))
            return 26
        }
    }

    /// The start of a mention's text for the approval queue: at most `limit` UTF-8 bytes, cut at a
    /// space when there is one, with `…` when something was cut.
    public static func excerpt(of text: String, limit: Int = 140) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        // Step back to a scalar boundary, then to the last space if one is near.
        while end > utf8.startIndex && UTF8.isContinuation(utf8[end]) {
            end = utf8.index(before: end)
        }
        var cut = end
        var stepped = 0
        while cut > utf8.startIndex && stepped < 40 {
            let before = utf8.index(before: cut)
            if utf8[before] == UInt8(ascii: " ") {
                end = before
                break
            }
            cut = before
            stepped += 1
        }
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self) + "…"
    }
}
