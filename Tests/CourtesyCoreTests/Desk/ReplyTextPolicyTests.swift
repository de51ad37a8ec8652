import HostileCorpus
import Testing

@testable import CourtesyCore

@Suite("Reply text: one policy for the API and the decoders, lengths as each platform counts", .timeLimit(.minutes(1)))
struct ReplyTextPolicyTests {
    private typealias F = DeskFixtures

    private func problem(_ text: String, on platform: Platform) -> TextProblem? {
        do throws(TextProblem) {
            _ = try ReplyTextPolicy.reply(text, platform: platform)
            return nil
        } catch {
            return error
        }
    }

    /// The one-scalar string of `codePoint` (literals cannot spell noncharacters).
    private func scalar(_ codePoint: UInt32) -> String {
        Unicode.Scalar(codePoint).map { String($0) } ?? ""
    }

    private func forbidden(_ codePoint: UInt32, at position: Int) -> TextProblem {
        .forbiddenCharacter(codePoint: codePoint, position: position)
    }

    @Test("the issue's oversized edits are refused, each with a clear problem")
    func oversizedRepros() {
        #expect(
            problem(String(repeating: "A", count: 17_000), on: .email) == .tooManyBytes(size: 17_000, limit: 16_384))
        #expect(
            problem("H" + String(repeating: "\u{0301}", count: 20_000), on: .x)
                == .tooManyBytes(size: 40_001, limit: 16_384))
        #expect(
            problem(String(repeating: "👩‍💻", count: 1_500), on: .email)
                == .tooManyBytes(size: 16_500, limit: 16_384))
        // Below the byte cap, the platforms' own counts refuse them: one grapheme cluster is not one character.
        #expect(
            problem("H" + String(repeating: "\u{0301}", count: 300), on: .x)
                == .tooLong(length: 301, limit: 280, unit: .weighted))
        #expect(
            problem(String(repeating: "👩‍💻", count: 141), on: .x) == .tooLong(length: 282, limit: 280, unit: .weighted))
        #expect(
            problem(String(repeating: "👩‍💻", count: 600), on: .chat)
                == .tooLong(length: 1_800, limit: 1_000, unit: .codePoints))
        #expect(
            problem(String(repeating: "😀", count: 1_101), on: .instagram)
                == .tooLong(length: 2_202, limit: 2_200, unit: .utf16))
    }

    @Test("the byte cap is the decoders' text limit, and email's 20,000 characters hold only within it")
    func byteCap() {
        #expect(ReplyTextPolicy.maximumTextBytes == EventLimits.standard.maxTextBytes)
        #expect(problem(String(repeating: "a", count: 16_384), on: .email) == nil)
        #expect(
            problem(String(repeating: "a", count: 16_385), on: .email) == .tooManyBytes(size: 16_385, limit: 16_384))
        #expect(problem(String(repeating: "😀", count: 4_000), on: .review) == nil)
        #expect(
            problem(String(repeating: "😀", count: 4_001), on: .review)
                == .tooLong(length: 4_001, limit: 4_000, unit: .codePoints))
    }

    @Test("X's weighted count: light and heavy code points, emoji sequences, links")
    func weightedLength() {
        let x = ReplyLengthUnit.weighted
        #expect(x.length(of: String(repeating: "a", count: 280)) == 280)
        #expect(x.length(of: "é–’″") == 4)
        #expect(x.length(of: "ありがとう") == 10)
        #expect(x.length(of: "Hi 👩‍💻") == 5)
        #expect(x.length(of: "👨‍👩‍👧‍👦👍🏽🇪🇸1️⃣❤️🏴󠁧󠁢󠁳󠁣󠁴󠁿") == 12)
        #expect(x.length(of: "#1 ©") == 4)
        #expect(x.length(of: "see https://acme.example/track/" + String(repeating: "x", count: 200)) == 4 + 23)
        #expect(x.length(of: "see HTTP://acme.example.") == 4 + 23 + 1)
        #expect(x.length(of: "(https://a.co)") == 1 + 23 + 1)
        // X may link a bare domain, so it counts at least as a link would; a long one counts in full.
        #expect(x.length(of: "acme.com") == 23)
        #expect(x.length(of: "mail help@acme.example now") == 10 + 23 + 4)
        #expect(x.length(of: String(repeating: "a", count: 30) + ".com") == 34)
        #expect(x.length(of: "e.g. 3.50 U.S.") == 14)
        #expect(x.length(of: "https://localhost") == 17)
        #expect(problem(String(repeating: "あ", count: 140), on: .x) == nil)
        #expect(
            problem(String(repeating: "あ", count: 141), on: .x) == .tooLong(length: 282, limit: 280, unit: .weighted))
        #expect(
            problem(
                String(repeating: "a", count: 256) + " https://acme.example/" + String(repeating: "t", count: 300),
                on: .x) == nil)
    }

    @Test("the issue's invisible and unassigned characters are refused, wherever they are")
    func invisibleRepros() {
        let codePoints: [UInt32] = [
            0x034F, 0x17B4, 0xFE0F, 0xE0100, 0x0378, 0xFFFF, 0xFDD0, 0x2060, 0x00AD, 0x180E, 0x1BCA0, 0xFE00,
        ]
        for codePoint in codePoints {
            let character = scalar(codePoint)
            #expect(!character.isEmpty)
            #expect(problem("Hi " + character + "Jane", on: .x) == forbidden(codePoint, at: 4), "U+\(codePoint)")
            #expect(problem("Hi Jane" + character, on: .email) != nil, "trailing U+\(codePoint)")
        }
        #expect(problem("Hi\u{200C}Jane", on: .x) == forbidden(0x200C, at: 3))
        #expect(problem("Hi Jane\u{200C}", on: .x) == forbidden(0x200C, at: 8))
        let supplement = (0..<200).map { scalar(0xE0100 + $0) }.joined()
        #expect(problem("Hi Jane" + supplement, on: .email) == forbidden(0xE0100, at: 8))
        #expect(problem("葛" + supplement, on: .email) == forbidden(0xE0101, at: 2))
        #expect(problem("ok 👍\u{FE0F}\u{FE0F}", on: .x) == forbidden(0xFE0F, at: 5))
        #expect(problem("a\u{FE0F}", on: .x) == forbidden(0xFE0F, at: 2))
        #expect(problem("ᠠ\u{180B}\u{180B}", on: .x) == forbidden(0x180B, at: 2))
    }

    @Test("only spaces and line feeds are trimmed; other whitespace or invisibles at an end are refused")
    func trimming() throws {
        #expect(try ReplyTextPolicy.reply("  Hi Jane\r\n \n", platform: .x) == "Hi Jane")
        #expect(try ReplyTextPolicy.reply("Hi\r\nJane", platform: .x) == "Hi\nJane")
        #expect(problem(" \n  ", on: .x) == .empty)
        #expect(problem("Hi Jane\u{00A0}", on: .x) == forbidden(0xA0, at: 8))
        #expect(problem("\u{3000}Hi Jane", on: .x) == forbidden(0x3000, at: 1))
        #expect(problem("Hi Jane \u{034F}", on: .x) == forbidden(0x034F, at: 9))
        #expect(problem("Hi Jane\t", on: .x) == forbidden(0x09, at: 8))
        #expect(problem("Hi Jane\r", on: .x) == forbidden(0x0D, at: 8))
        #expect(problem("Hi\u{00A0}Jane", on: .x) == nil)
    }

    @Test("real text passes: emoji sequences, flags, keycaps, Persian, Hindi, Japanese, accents")
    func realText() {
        let texts = [
            "Thanks 👍🏽 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🔥 ❤️ ☺︎ 1️⃣ #️⃣ 🇪🇸 🇧🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            "می\u{200C}خواهم کمک کنم، ممنون از صبر شما",
            "नमस्ते, हम आपकी मदद करेंगे। क्\u{200D}या आपका ऑर्डर आ गया?",
            "ご注文ありがとうございます。葛\u{E0100}飾区の店舗からお送りします。",
            "Café, naïve, Cafe\u{0301}, São Paulo, Ελλάδα, Привет, 안녕하세요",
            "see https://acme.example/track?id=42 and @acme_help\nline two",
        ]
        for text in texts {
            for platform in Platform.allCases {
                #expect(problem(text, on: platform) == nil, "\(platform): \(text)")
            }
        }
    }

    @Test("the hostile edit corpus: each refused or accepted as it says, on its platform")
    func hostileEdits() throws {
        for edit in HostileEdit.corpus {
            let platform = try #require(Platform(rawValue: edit.platform), "\(edit.name)")
            let refusal = problem(edit.text, on: platform)
            #expect(
                (refusal == nil) == edit.accepted,
                "\(edit.name): \(refusal.map(String.init(describing:)) ?? "accepted")")
        }
    }

    @Test("whatever the policy accepts encodes into a decision and a reply that decode back equal, on every platform")
    func roundTrip() throws {
        var accepted = 0
        for platform in Platform.allCases {
            let longest: [String] = [
                String(repeating: "a", count: min(platform.replyLengthLimit, ReplyTextPolicy.maximumTextBytes)),
                String(
                    repeating: "\"\\\n.",
                    count: min(platform.replyLengthLimit, ReplyTextPolicy.maximumTextBytes) / 4 - 1)
                    + "x",
                String(repeating: "👩🏽‍💻", count: 100),
                "Hi https://acme.example/" + String(repeating: "t", count: 15_000),
                "می\u{200C}خواهم 葛\u{E0100} 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            ]
            let draft = F.draft("rt-\(platform.rawValue)", platform: platform)
            for raw in longest {
                guard let text = try? ReplyTextPolicy.reply(raw, platform: platform) else { continue }
                accepted += 1
                try ReplyTextPolicy.check(reply: text, platform: platform)
                var queue = DeskQueue()
                queue.apply(draft: draft)
                let outcome = try queue.decide(
                    draft.id, .approve(text: text, reason: "checked \u{1F44D}"), by: F.sam, at: F.start)
                let decision = outcome.decisions[0]
                #expect(decision.jsonBytes().count <= EventLimits.standard.maxEventBytes)
                #expect(try Decision(json: decision.jsonBytes()) == decision)
                let reply = try #require(outcome.reply)
                #expect(try Reply(json: reply.jsonBytes()) == reply)
            }
        }
        #expect(accepted >= 25)
    }

    @Test("the decoders refuse a decision or a reply whose text the API would have refused")
    func decodersApplyThePolicy() throws {
        func decision(_ text: String, platform: Platform, reason: String? = nil) -> Decision {
            Decision(
                draft: F.draft("dec", platform: platform), action: .edit, text: text, approver: "Sam Rivera",
                reason: reason, decidedAt: F.start)
        }
        let refused: [(String, Platform)] = [
            (String(repeating: "A", count: 17_000), .email), ("H" + String(repeating: "\u{0301}", count: 300), .x),
            (String(repeating: "👩‍💻", count: 1_500), .email), ("Hi \u{034F}Jane", .x), ("Hi Jane ", .x),
            ("Hi\u{200C}Jane", .facebook), ("\u{FE0F}", .chat),
        ]
        for (text, platform) in refused {
            let event = decision(text, platform: platform)
            #expect(throws: EventDecodingError.self) { try Decision(json: event.jsonBytes()) }
            let reply = try #require(Reply(decision: event))
            #expect(throws: EventDecodingError.self) { try Reply(json: reply.jsonBytes()) }
        }
        #expect(throws: EventDecodingError.self) {
            try Decision(json: decision("Hi", platform: .x, reason: String(repeating: "r", count: 501)).jsonBytes())
        }
        do {
            _ = try Decision(json: decision(String(repeating: "A", count: 17_000), platform: .email).jsonBytes())
            Issue.record("a decision with 17,000 bytes of text was read")
        } catch {
            #expect(error.description.hasPrefix(#"field "text": 17000 bytes, over the limit of 16384"#))
        }
    }
}
