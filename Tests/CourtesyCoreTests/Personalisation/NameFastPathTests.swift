import Testing

@testable import CourtesyCore

@Suite("Name extraction: the ASCII fast path agrees with the general path")
struct NameFastPathTests {
    @Test("Thousands of ASCII display names give the same first name both ways")
    func agreement() throws {
        let extractor = try NameExtractor()
        let words = [
            "Jane", "JANE", "jane", "Doe", "Dr.", "dr", "Mrs", "Don", "Jose", "Will", "Smith", "Summer", "Vibes",
            "Anne-Marie", "O'Neil", "o'brien", "-", "--", "and", "y", "n", "'n'", "The", "Best", "Buy", "News",
            "Support", "J.", "J", "Mary's", "van", "de", "Hope", "Springs", "Ma'soumeh", "Jean-Luc", "x-", "'Jane",
            "Jane.", "Jane...", "www.", "Church", "Kevin", "KEVIN", "DeShawn", "Mc", "Jane--Doe", "Ana", "Jo",
        ]
        let handles: [String?] = [nil, "jane_d", "JetBlueNews", "acme_support", "shopDaily", "x", "Jane\u{E9}"]
        var random = UInt64(0x5EED)
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var checked = 0
        for _ in 0..<6000 {
            let count = 1 + next(4)
            let name = (0..<count).map { _ in words[next(words.count)] }.joined(separator: next(5) == 0 ? "  " : " ")
            let handle = handles[next(handles.count)]
            let fast = extractor.firstName(displayName: name, handle: handle)
            let general = extractor.generalFirstName(displayName: name, handle: handle)
            #expect(fast == general, "\"\(name)\" handle \(handle ?? "nil")")
            checked += 1
        }
        #expect(checked == 6000)
    }

    @Test("Display names with emoji, lone separators and conjunctions give the same first name both ways")
    func decoratedAgreement() throws {
        let extractor = try NameExtractor()
        let words = [
            "Jane", "JANE", "Doe", "Dr.", "Will", "Smith", "Summer", "Anne-Marie", "The", "Support", "J.", "Hope",
            "Chris", "Photographer", "Tom", "Jerry", "-", "and", "🌸", "✨", "😍😍", "👍🏽", "👩‍👩‍👧", "❤️", "™", "🇪🇸",
            "Ⓜ", "|", "/", "\\", "!", "?", "*", ":", ";", "~", "&", "+", "¦", "•", "·", "||", "&&", "Sarah🌸",
            "🌸Sarah", "@jane", "#fail", "\u{200B}", "\u{200B}🌸", "Jane\u{00A0}Doe", "José", "´", "ˆ", "(he/him)",
            "\u{1F3FD}", "\u{E000}", "(he/him)", "(she/her)", "(Jane)", "(", ")", "(x.com)", "(@a)", "()", "(J-1)",
            "(ana", "him)",
        ]
        let handles: [String?] = [nil, "jane_d", "JetBlueNews", "acme_support"]
        var random = UInt64(0xDEC0)
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var undecorated = 0
        for _ in 0..<6000 {
            let count = 1 + next(5)
            let name = (0..<count).map { _ in words[next(words.count)] }.joined(separator: next(5) == 0 ? "  " : " ")
            let handle = handles[next(handles.count)]
            let fast = extractor.firstName(displayName: name, handle: handle)
            let general = extractor.generalFirstName(displayName: name, handle: handle)
            #expect(fast == general, "\"\(name)\" handle \(handle ?? "nil")")
            var copy = name
            if case .decided = copy.withUTF8({ extractor.undecoratedFirstName(displayName: $0, handle: handle) }) {
                undecorated += 1
            }
        }
        // Most of these names are decided without the general path.
        #expect(undecorated > 1000)
    }
}
