extension HostileMention {
    /// A mention event with these JSON values (each already a JSON literal), and any extra members.
    public static func event(
        id: String = "\"h-1\"", displayName: String = "\"Jane Doe\"", handle: String = "\"jane_d\"",
        text: String = "\"@acme my parcel is 3 days late, not happy\"", extra: String = ""
    ) -> String {
        #"{"schema":"courtesy.mention/v1","id":\#(id),"platform":"x","brand":"acme","#
            + #""author":{"id":"a-1","handle":\#(handle),"displayName":\#(displayName),"followers":10},"#
            + #""text":\#(text),"createdAt":"2026-01-14T10:00:00Z"\#(extra.isEmpty ? "" : "," + extra)}"#
    }

    /// The event with `displayName` as its display name, written raw.
    static func named(_ name: String, id: String) -> String {
        event(id: JSONText.literal(id), displayName: JSONText.literal(name))
    }

    /// The same event, with the first occurrence of `marker` in its bytes replaced by `bytes`.
    static func splice(_ event: String, _ marker: String, _ bytes: [UInt8]) -> [UInt8] {
        let source = Array(event.utf8)
        let needle = Array(marker.utf8)
        guard
            let start = (0...(source.count - needle.count)).first(where: {
                Array(source[$0..<$0 + needle.count]) == needle
            })
        else { return source }
        return Array(source[..<start]) + bytes + Array(source[(start + needle.count)...])
    }

    /// Every hostile mention, small and generated; ``tenMegabyteText`` is kept apart because of its size.
    public static let corpus: [HostileMention] = malformed + nesting + sizes + encodings + names + texts + fields

    /// Not JSON, not an object, or not quite JSON.
    public static let malformed: [HostileMention] = [
        HostileMention("malformed-open-brace", "{", expected: .refused("malformed-json")),
        HostileMention(
            "malformed-truncated", String(event().prefix(90)), expected: .refused("malformed-json")),
        HostileMention(
            "malformed-trailing-comma", event(extra: #""x":1,"#),
            expected: .refused("malformed-json")),
        HostileMention("malformed-trailing-garbage", event() + " x", expected: .refused("malformed-json")),
        HostileMention("malformed-two-objects", event() + event(), expected: .refused("malformed-json")),
        HostileMention(
            "malformed-single-quotes", event().replacing("\"", with: "'"),
            expected: .refused("malformed-json")),
        HostileMention(
            "malformed-nan", event().replacing(#""followers":10"#, with: #""followers":NaN"#),
            expected: .refused("malformed-json")),
        HostileMention(
            "malformed-comment", "/* hi */" + event(), expected: .refused("malformed-json")),
        HostileMention("malformed-array", "[]", expected: .refused("wrong-type")),
        HostileMention("malformed-null", "null", expected: .refused("wrong-type")),
        HostileMention("malformed-string", #""{{agent}}""#, expected: .refused("wrong-type")),
        HostileMention(
            "malformed-byte-order-mark", bytes: [0xEF, 0xBB, 0xBF] + Array(event().utf8),
            expected: .refused("malformed-json")),
        HostileMention(
            "malformed-raw-nul", bytes: splice(event(), "Jane Doe", Array("Ja".utf8) + [0x00] + Array("ne".utf8)),
            expected: .refused("malformed-json")),
        HostileMention(
            "malformed-raw-bell", bytes: splice(event(), "parcel", [0x07]), expected: .refused("malformed-json")),
        HostileMention(
            "malformed-bad-escape", event(text: #""late \x41 \u12""#), expected: .refused("malformed-json")),
        HostileMention(
            "malformed-huge-number",
            event().replacing(#""followers":10"#, with: #""followers":1e99999"#),
            expected: .refused("wrong-type")),
        HostileMention(
            "malformed-duplicate-text", event(extra: #""text":"again""#), expected: .refused("duplicate-field")),
        HostileMention(
            "malformed-text-is-object", event(text: #"{"{{agent}}":1}"#), expected: .refused("wrong-type")),
    ]

    /// Nesting past the decoder's limit of 32 levels, and just under it.
    public static let nesting: [HostileMention] = [
        HostileMention(
            "deep-arrays-30000",
            event(extra: #""x":"# + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)),
            expected: .refused("too-deep")),
        HostileMention(
            "deep-objects-5000",
            event(
                extra: #""x":"# + String(repeating: #"{"a":"#, count: 5_000) + "1"
                    + String(repeating: "}", count: 5_000)),
            expected: .refused("too-deep")),
        HostileMention(
            "deep-unclosed-40000", event(extra: #""x":"# + String(repeating: "[", count: 40_000)),
            expected: .refused("too-deep")),
        HostileMention(
            "deep-within-limit",
            event(extra: #""x":"# + String(repeating: "[", count: 20) + String(repeating: "]", count: 20)),
            expected: .draft),
    ]

    /// Over the size limits (64 KiB events, 16 KiB texts), but well under 10 MB.
    public static let sizes: [HostileMention] = [
        HostileMention(
            "text-over-16KiB", event(text: JSONText.literal(String(repeating: "late ", count: 3_300))),
            expected: .refused("oversized")),
        HostileMention(
            "text-escapes-over-16KiB", event(text: "\"" + String(repeating: #"\u00e9"#, count: 9_000) + "\""),
            expected: .refused("oversized")),
        HostileMention(
            "event-over-64KiB", event(extra: #""pad":""# + String(repeating: "x", count: 70_000) + "\""),
            expected: .refused("oversized")),
        HostileMention(
            "many-unknown-members",
            event(extra: (0..<3_000).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")), expected: .draft),
    ]

    /// Bytes that are not UTF-8, and escapes that are not characters.
    public static let encodings: [HostileMention] = [
        HostileMention(
            "utf8-invalid-byte", bytes: splice(event(), "parcel", [0x70, 0xFF, 0x72]),
            expected: .refused("invalid-utf8")),
        HostileMention(
            "utf8-overlong-slash", bytes: splice(event(), "parcel", [0xC0, 0xAF]), expected: .refused("invalid-utf8")),
        HostileMention(
            "utf8-encoded-surrogate", bytes: splice(event(), "parcel", [0xED, 0xA0, 0x80]),
            expected: .refused("invalid-utf8")),
        HostileMention(
            "utf8-truncated-in-name", bytes: splice(event(), "Doe", [0x44, 0xE2, 0x82]),
            expected: .refused("invalid-utf8")),
        HostileMention(
            "utf8-beyond-unicode", bytes: splice(event(), "Jane", [0xF4, 0x90, 0x80, 0x80]),
            expected: .refused("invalid-utf8")),
        HostileMention(
            "utf8-invalid-in-unknown-member", bytes: splice(event(extra: #""note":"ok""#), "ok", [0xFE, 0xFF]),
            expected: .refused("invalid-utf8")),
        HostileMention(
            "escape-lone-high-surrogate", event(displayName: #""Jane \ud800 Doe""#),
            expected: .refused("malformed-json")),
        HostileMention(
            "escape-lone-low-surrogate", event(text: #""late \udc00 again""#), expected: .refused("malformed-json")),
        HostileMention(
            "escape-nul-in-name", event(displayName: #""Jane\u0000Doe""#), expected: .draft),
    ]
}
