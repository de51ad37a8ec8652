extension HostileEdit {
    /// The one-scalar string of `codePoint` (a literal cannot spell a noncharacter).
    static func scalar(_ codePoint: UInt32) -> String {
        Unicode.Scalar(codePoint).map { String($0) } ?? ""
    }

    /// Every hostile edit: oversized texts, invisible and unassigned characters, whitespace at the
    /// ends; and real text that must pass.
    public static let corpus: [HostileEdit] = sizes + invisible + ends + real

    /// Texts a platform's own count or the desk's byte cap refuses, though their grapheme clusters fit.
    public static let sizes: [HostileEdit] = [
        HostileEdit("edit-email-17000-ascii", String(repeating: "A", count: 17_000), platform: "email"),
        HostileEdit("edit-x-combining-20000", "H" + String(repeating: "\u{0301}", count: 20_000)),
        HostileEdit("edit-x-combining-300", "H" + String(repeating: "\u{0301}", count: 300)),
        HostileEdit("edit-email-1500-technologists", String(repeating: "👩‍💻", count: 1_500), platform: "email"),
        HostileEdit("edit-x-141-technologists", String(repeating: "👩‍💻", count: 141)),
        HostileEdit("edit-x-141-hiragana", String(repeating: "あ", count: 141)),
        HostileEdit("edit-x-20-short-links", String(repeating: "a.co ", count: 20) + "ok"),
    ]

    /// Characters a reader cannot see, where no real sequence needs them.
    public static let invisible: [HostileEdit] =
        [
            ("cgj", 0x034F), ("khmer-inherent", 0x17B4), ("lone-variation-selector", 0xFE0F),
            ("ideographic-selector-after-latin", 0xE0100), ("unassigned", 0x0378), ("noncharacter", 0xFFFF),
            ("noncharacter-fdd0", 0xFDD0), ("word-joiner", 0x2060), ("soft-hyphen", 0x00AD),
            ("mongolian-vowel-separator", 0x180E), ("shorthand-format", 0x1BCA0), ("hangul-filler", 0x3164),
        ].map { HostileEdit("edit-\($0.0)", "Hi " + scalar($0.1) + "Jane, sorted.") }
        + [
            HostileEdit(
                "edit-200-supplement-selectors", "Hi Jane" + (0..<200).map { scalar(0xE0100 + $0) }.joined()),
            HostileEdit("edit-zwnj-latin", "Hi Ja\u{200C}ne"),
            HostileEdit("edit-repeated-emoji-selector", "Thanks 👍\u{FE0F}\u{FE0F}"),
            HostileEdit("edit-zwj-latin", "Hi Ja\u{200D}ne"),
        ]

    /// What trimming must not hide.
    public static let ends: [HostileEdit] = [
        HostileEdit("edit-trailing-cgj-after-space", "Hi Jane \u{034F}"),
        HostileEdit("edit-trailing-no-break-space", "Hi Jane\u{00A0}"),
        HostileEdit("edit-leading-ideographic-space", "\u{3000}Hi Jane"),
        HostileEdit("edit-trailing-tab", "Hi Jane\t"),
        HostileEdit("edit-trailing-zwnj", "سلام\u{200C}"),
    ]

    /// Real text, which must pass.
    public static let real: [HostileEdit] = [
        HostileEdit("edit-emoji", "Thanks 👍🏽 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️ 1️⃣ 🇪🇸 🏴󠁧󠁢󠁳󠁣󠁴󠁿", accepted: true),
        HostileEdit("edit-persian", "می\u{200C}خواهم کمک کنم", accepted: true),
        HostileEdit("edit-hindi", "नमस्ते, हम आपकी मदद करेंगे। क्\u{200D}या", accepted: true),
        HostileEdit("edit-japanese", "ご注文ありがとうございます。葛\u{E0100}飾区より。", accepted: true),
        HostileEdit("edit-accents", "Café, Cafe\u{0301}, São Paulo, Привет", accepted: true),
        HostileEdit(
            "edit-x-280-weighted", String(repeating: "a", count: 256) + " https://acme.example/t", accepted: true),
        HostileEdit("edit-email-16384-bytes", String(repeating: "a", count: 16_384), platform: "email", accepted: true),
    ]
}
