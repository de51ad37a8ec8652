import HostileCorpus
import Testing

@testable import CourtesyCore

/// Checks every text of the hostile corpus, and more, through the extractor: no crash, valid spans, and no
/// identifier taken from a handle, link, hashtag or phone number.
@Suite("Fact extractor: hostile input", .timeLimit(.minutes(2)))
struct FactHostileTests {
    private static let extractor = FactExtractor()

    /// Texts made to hit the scanners' edges: identifiers beside handles, links, hashtags and phones, long runs,
    /// invisible and direction-changing characters, emoji, other scripts.
    static let crafted: [String] = [
        "order @48213 and #48213x and www.shop.example/order/48213 and order48213@mail.example",
        "order +44 20 7946 0958", "case (800) 555-1234", "ticket 555-123-4567 or 555 123 4567",
        "booking https://air.example/b/QXKZTP", "tracking (acme.com/t/1Z999AA10123456784)",
        "@acme order #fail12 #order #a1b2", "order\u{200B}48213", "order \u{202E}31284", "order ４８２１３",
        "flight 🛫 SK1807 😡 since Monday 😤", "order " + String(repeating: "1", count: 5_000),
        "order " + String(repeating: "1-", count: 3_000), String(repeating: "since ", count: 3_000),
        String(repeating: "#", count: 5_000), String(repeating: "$", count: 1_000) + "1",
        String(repeating: "1,", count: 5_000) + " EUR", String(repeating: "order ", count: 2_000) + "48213",
        String(repeating: "a couple of ", count: 1_000) + "days late", String(repeating: "\u{0301}", count: 2_000),
        "заказ 48213 order 48213 注文 48213", "order 4\u{0301}8213", "€", "£ 3", "order", "flight", "#", "@",
        "1", "1st", "-", "order -", "order #", "since", "since the", "3 de", "March", "12 12 12 12 12 12",
        String(repeating: "x", count: 40) + " order " + String(repeating: "A1", count: 20),
        "order 1234567890123456789012345678901", "order ab-cd-ef-12-3", "flight U2", "flight UA 12345",
        "order\t48213\nflight\rSK1807", "🇬🇧🏴󠁧󠁢󠁳󠁣󠁴󠁿 order 48213 🇬🇧",
    ]

    /// Every text of the corpus: the events' bytes as text (invalid UTF-8 repaired), the hostile names and
    /// texts, and ``crafted``.
    static var texts: [String] {
        HostileMention.corpus.map { String(decoding: $0.bytes, as: UTF8.self) } + HostileMention.hostileNames
            + crafted
    }

    @Test("every hostile text: valid spans, in order, apart, no identifier from a handle, link, hashtag or phone")
    func corpus() {
        #expect(Self.texts.count > 150)
        for text in Self.texts {
            check(text, Self.extractor.facts(in: text))
        }
    }

    @Test("the 10 MB text is read quickly and in bounded memory")
    func tenMegabytes() {
        let text = String(decoding: HostileMention.tenMegabyteText.bytes, as: UTF8.self)
        let started = ContinuousClock.now
        let facts = Self.extractor.facts(in: text)
        check(text, facts)
        // Linear in the text: a few seconds even in a debug build on a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("deterministic and safe on generated mixtures of keywords, digits, punctuation and symbols")
    func generated() {
        let pieces = [
            "order", "#", "48213", "flight", "UA", "921", " ", " ", " ", "-", ".", ",", ":", "$", "€", "£", "@", "/",
            "since", "Monday", "3", "March", "days", "hours", "for", "ago", "booking", "QXKZTP", "+44", "(800)",
            "555-1234", "2026-03-03", "http://", "www.", ".com/", "😡", "\u{200B}", "é", "ñ", "1,299.00", "90,44",
            "nº", "Bestellnummer", "seit", "zwei", "Stunden", "\n", "%", "10:30", "a", "couple", "of", "half", "an",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<2_000 {
            let text = (0..<(next() % 24)).map { _ in pieces[next() % pieces.count] }.joined()
            let facts = Self.extractor.facts(in: text)
            check(text, facts)
            #expect(Self.extractor.facts(in: text) == facts, "same facts twice for \(text.debugDescription)")
        }
    }

    private func check(_ text: String, _ facts: [Fact]) {
        let bytes = Array(text.utf8)
        let forbidden = facts.contains(where: \.kind.isIdentifier) ? Self.forbiddenRanges(in: text) : []
        var previousEnd = 0
        for fact in facts {
            guard let span = fact.span else {
                Issue.record("\(fact) has no span")
                continue
            }
            let name = (text.utf8.count < 300 ? text : String(text.prefix(60))).debugDescription
            #expect(span.lowerBound >= previousEnd && span.lowerBound < span.upperBound, "\(name): \(facts)")
            #expect(span.upperBound <= bytes.count, "\(name): \(fact)")
            guard span.upperBound <= bytes.count else { continue }
            previousEnd = span.upperBound
            #expect(isBoundary(bytes, span.lowerBound) && isBoundary(bytes, span.upperBound), "\(name): \(fact)")
            let written = String(decoding: bytes[span], as: UTF8.self)
            #expect(written.filter(\.isASCIIDigit) == fact.value.filter(\.isASCIIDigit), "\(name): \(fact)")
            if fact.kind.isIdentifier {
                #expect(!forbidden.contains { $0.overlaps(span) }, "\(name): \(fact) is in a handle, link or phone")
            }
        }
    }

    private func isBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// Byte ranges of handles, links, e-mail addresses, hashtags and phone numbers, found independently of the
    /// extractor: links and addresses by whitespace-delimited chunk, the rest with regular expressions.
    static func forbiddenRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        func add(_ range: Range<String.Index>) {
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            ranges.append(start..<(start + text[range].utf8.count))
        }
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            if chunk.contains("://") || chunk.contains("www.")
                || (chunk.contains("/") && chunk.contains(/[A-Za-z0-9-]+\.[A-Za-z]{2,}\//))
                || (chunk.contains("@") && chunk.contains(/[^@]@[A-Za-z0-9-]+\.[A-Za-z]{2,}/))
            {
                add(chunk.startIndex..<chunk.endIndex)
            }
        }
        let patterns = [
            #"@[A-Za-z0-9_]+"#, #"#\p{L}[\p{L}\p{N}_]*"#, #"\+\d[\d ()-]{6,}\d"#, #"\(\d{3}\) ?\d{3}[- ]\d{4}"#,
            #"\b\d{3}-\d{3}-\d{4}\b"#, #"\b\d{3}-\d{4}\b"#, #"\b0\d{2,4}( \d{3,4}){1,3}\b"#,
        ]
        for pattern in patterns {
            guard let regex = try? Regex(pattern) else {
                Issue.record("bad test pattern \(pattern)")
                continue
            }
            for match in text.matches(of: regex) {
                // A hashtag with three digits or more, or a hyphen after it, is punctuation before an identifier.
                if pattern.hasPrefix("#") {
                    let next = match.range.upperBound
                    if text[match.range].filter(\.isASCIIDigit).count >= 3
                        || (next < text.endIndex && text[next] == "-")
                    {
                        continue
                    }
                }
                add(match.range)
            }
        }
        return ranges
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
