extension Draft {
    /// The draft id for a mention: `d_` and 24 hex digits (96 bits) of a keyed SipHash of
    /// `platform:mentionId`.
    ///
    /// The hash keys are fixed constants, so every process and every replay gives the same id for the
    /// same mention; consumers de-duplicate by it.
    public static func identifier(platform: Platform, mentionId: String) -> String {
        var input = platform.rawValue + ":" + mentionId
        let (high, low) = input.withUTF8 { bytes in
            (
                StableHash.sipHash24(bytes, key0: 0x436F_7572_7465_7379, key1: 0x6472_6166_742F_7631),
                StableHash.sipHash24(bytes, key0: 0x6D65_6E74_696F_6E21, key1: 0x7265_706C_792D_6964)
            )
        }
        var output: [UInt8] = [UInt8(ascii: "d"), UInt8(ascii: "_")]
        output.reserveCapacity(26)
        StableHash.appendHex(high, digits: 16, to: &output)
        StableHash.appendHex(low >> 32, digits: 8, to: &output)
        return String(decoding: output, as: UTF8.self)
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
