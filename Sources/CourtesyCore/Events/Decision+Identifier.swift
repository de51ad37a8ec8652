extension Decision {
    /// The decision id for a draft: `c_` and 24 hex digits (96 bits) of a keyed SipHash of the draft id.
    ///
    /// It depends on the draft alone because a draft has at most one decision that counts (the first);
    /// a decision sent again, or a later one for the same draft, has the same id and is recognised.
    package static func identifier(draftId: String) -> String {
        var draftId = draftId
        let (high, low) = draftId.withUTF8 { bytes in
            (
                StableHash.sipHash24(bytes, key0: 0x436F_7572_7465_7379, key1: 0x6465_6369_6465_2F31),
                StableHash.sipHash24(bytes, key0: 0x6465_6369_7369_6F6E, key1: 0x6F6E_6365_2D6F_6E6C)
            )
        }
        var output: [UInt8] = [UInt8(ascii: "c"), UInt8(ascii: "_")]
        output.reserveCapacity(26)
        StableHash.appendHex(high, digits: 16, to: &output)
        StableHash.appendHex(low >> 32, digits: 8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
