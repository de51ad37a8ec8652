import Foundation
import Testing

@testable import CourtesyCore

private let library = try! TemplateLibrary.bundled()

private func render(
    _ kind: ReplyKind, _ platform: Platform, language: String = "en", topics: [String] = [], industry: Industry? = nil,
    safety: Bool = false, seed: String
) throws -> String {
    var request = ReplyRequest(
        kind: kind, platform: platform, language: language, customerName: "Jane", agentName: "Ana", topics: topics,
        seed: seed)
    request.industry = industry
    request.safety = safety
    return try library.render(request).text
}

@Suite("Wording that fits the situation, the business and the channel")
struct WordingFitTests {
    @Test(
        "No reply on a private channel asks the customer to move to private messages",
        arguments: ["en", "es", "fr", "de", "pt"])
    func privateChannelsNeverSayDM(language: String) throws {
        let phrases = try #require(library.factPhrases[language]?.directMessage)
        for kind in ReplyKind.allCases {
            for platform in Platform.allCases where platform.isPrivate {
                for seed in 0..<30 {
                    let text = try render(kind, platform, language: language, seed: "\(kind)-\(seed)")
                    let found = WholeWords(text).first(of: phrases)
                    #expect(found == nil, "\(language) \(kind) on \(platform): \(text)")
                }
            }
        }
    }

    @Test("Public channels may still invite a direct message")
    func publicChannelsMayInvite() throws {
        let phrases = try #require(library.factPhrases["en"]?.directMessage)
        let texts = try (0..<30).map { try render(.complaint, .x, seed: "public-\($0)") }
        #expect(texts.contains { WholeWords($0).first(of: phrases) != nil })
    }

    @Test("An airline passenger is asked for a booking reference, never an order number, nor told about a delivery")
    func airlineWords() throws {
        let words = try DraftScorecardWords.shipped()
        for language in ["en", "es", "fr", "de", "pt"] {
            let shopWords = try #require(words[language]).shopWords
            for platform in Platform.allCases {
                for seed in 0..<20 {
                    let text = try render(
                        .complaint, platform, language: language, topics: ["flight-disruption", "delivery"],
                        industry: .airline, seed: "air-\(seed)"
                    )
                    let shopWord = WholeWords(text).first(of: shopWords)
                    #expect(shopWord == nil, "\(language) \(platform): \(text)")
                }
            }
        }
        let asks = try (0..<40).map { try render(.complaint, .facebook, industry: .airline, seed: "ask-\($0)") }
        #expect(asks.contains { $0.contains("booking reference") })
    }

    @Test("A shopper is asked for the order number; a mention of no evident business for a reference")
    func askForFollowsTheIndustry() throws {
        let shop = try (0..<40).map { try render(.complaint, .facebook, industry: .retail, seed: "shop-\($0)") }
        #expect(shop.contains { $0.contains("your order number") })
        let unknown = try (0..<40).map { try render(.complaint, .facebook, seed: "unknown-\($0)") }
        #expect(unknown.contains { $0.contains("your reference number") })
        #expect(!unknown.contains { $0.contains("order number") })
    }

    @Test("A serious reply apologises, names who follows up and when, and never thanks for tagging")
    func seriousWording() throws {
        for language in try TemplateLibrary.bundled().languages {
            let apologies = TemplateLinter.judgeWords[language]?.apology ?? []
            #expect(!apologies.isEmpty, "\(language) has apology words")
            for platform in Platform.allCases {
                for seed in 0..<10 {
                    for safety in [false, true] {
                        let text = try render(
                            .serious, platform, language: language, safety: safety, seed: "serious-\(seed)"
                        ).lowercased()
                        #expect(apologies.contains { text.contains($0) }, "\(language) \(platform): \(text)")
                        #expect(!text.contains("tagging") && !text.contains("etiquet"), "\(text)")
                        #expect(!text.contains("!"), "\(language) \(platform): \(text)")
                        #expect(
                            ["24", "today", "hoy", "hour", "hora", "aujourd'hui", "heute", "hoje"].contains {
                                text.contains($0)
                            },
                            "\(language) \(platform): no time stated: \(text)")
                    }
                }
            }
        }
    }

    @Test("templates check fails DM talk on a private channel and an ask where the identifier is known")
    func linterRules() throws {
        var files = TemporaryTemplates.completeEnglish()
        files["en/complaint.chat.mustache"] = (1...4).map {
            "Sorry {{#customer}}{{customer}}{{/customer}}, number \($0). Send us a DM.{{#agent}} ^{{agent}}{{/agent}}"
        }.joined(separator: "\n---\n")
        files["en/question.mustache"] = (1...4).map {
            "Hello, number \($0). Could you tell me {{askFor}}?{{#reference}} I see {{reference}}.{{/reference}}"
        }.joined(separator: "\n---\n")
        let report = try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
        let messages = report.problems.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains { $0.contains("complaint.chat.mustache:1") && $0.contains("\"dm\" on chat") })
        #expect(messages.contains { $0.contains("question.mustache:1") && $0.contains("asks for {{askFor}}") })
        #expect(!report.passed)
    }

    @Test("an industry's topic phrases replace the default ones")
    func industryTopics() throws {
        let texts = try (0..<40).map {
            try render(.complaint, .facebook, topics: ["delivery"], industry: .airline, seed: "topic-\($0)")
        }
        #expect(!texts.contains { $0.contains("your delivery") })
        let shop = try (0..<40).map { try render(.complaint, .facebook, topics: ["delivery"], seed: "topic-\($0)") }
        #expect(shop.contains { $0.contains("your delivery") })
    }
}

@Suite("Reply kinds and platforms index the template tables")
struct TemplateTableIndexTests {
    @Test("each ordinal is the case's position in allCases")
    func ordinals() {
        #expect(ReplyKind.allCases.map(\.ordinal) == Array(ReplyKind.allCases.indices))
        #expect(Platform.allCases.map(\.ordinal) == Array(Platform.allCases.indices))
        #expect(Industry.allCases.map(\.ordinal) == Array(Industry.allCases.indices))
    }
}
