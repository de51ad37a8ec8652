import Foundation
import Testing

@testable import CourtesyCore

private let library = try! TemplateLibrary.bundled()

/// A fact of each identifier kind, as the extractor gives them.
private let identifiers: [Fact] = [
    Fact(kind: .order, value: "#48213", normalised: "48213", span: 0..<6),
    Fact(kind: .booking, value: "QXKZTP", normalised: "QXKZTP", span: 0..<6),
    Fact(kind: .flight, value: "SK1807", normalised: "SK1807", span: 0..<6),
    Fact(kind: .tracking, value: "1Z999AA10123456784", normalised: "1Z999AA10123456784", span: 0..<18),
    Fact(kind: .case, value: "#99120", normalised: "99120", span: 0..<6),
]

private func checkReport(_ changes: [String: String]) throws -> TemplateCheckReport {
    var files = TemporaryTemplates.completeEnglish()
    for (path, content) in changes { files[path] = content }
    return try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
}

@Suite("Never ask again: a reply never asks for an identifier the customer gave")
struct NeverAskTests {
    @Test(
        "Every shipped template, platform, language and intent: with an identifier known, no reply asks for its kind and most name it",
        arguments: ReplyKind.allCases)
    func shippedTemplatesNeverAsk(kind: ReplyKind) throws {
        for language in library.languages {
            let phrases = try #require(library.factPhrases[language])
            for platform in Platform.allCases {
                for fact in identifiers {
                    for earlier in [false, true] {
                        var referred = 0
                        let seeds = (0..<40).map { "\(language)-\(platform)-\(fact.kind)-\($0)" }
                        for seed in seeds {
                            var request = ReplyRequest(
                                kind: kind, platform: platform, language: language, customerName: "Jane",
                                agentName: "Ana", topics: ["delivery"], seed: seed)
                            if earlier {
                                // Known from an earlier contact: counts as given.
                                request.earlierFacts = [fact]
                                request.previousContact = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)
                                request.mentionTime = Timestamp(millisecondsSinceEpoch: 1_764_200_000_000)
                            } else {
                                request.facts = [fact]
                            }
                            let text = try library.render(request).text
                            let lowered = text.lowercased()
                            for ask in phrases.asks[fact.kind] ?? [] {
                                #expect(
                                    !lowered.contains(ask), "\(language) \(platform) \(kind) asks \"\(ask)\": \(text)"
                                )
                            }
                            if text.contains(fact.value) { referred += 1 }
                            if earlier, kind == .complaint {
                                let when = phrases.previous(
                                    earlier: request.previousContact!, now: request.mentionTime)
                                #expect(text.contains(when), "\(language) \(platform): \(text)")
                            }
                        }
                        if kind == .complaint {
                            #expect(
                                referred * 2 > seeds.count,
                                "\(language) \(platform) complaint names \(fact.kind) in \(referred) of \(seeds.count)")
                        }
                    }
                }
            }
        }
    }

    @Test("With nothing known, complaints still ask for the order number, so the rule is not met by never asking")
    func asksWhenUnknown() throws {
        var asked = 0
        for seed in 0..<40 {
            var request = ReplyRequest(
                intent: .complaint, platform: .x, language: "en", customerName: "Jane", agentName: nil,
                topics: [], seed: "s\(seed)")
            request.industry = .retail
            let text = try library.render(request).text
            if text.lowercased().contains("order number") { asked += 1 }
        }
        #expect(asked > 20)
    }

    @Test("templates check fails a variant that asks for an order number with no form for a known order")
    func linterCatchesAsk() throws {
        let variants = (1...4).map {
            "Sorry {{#customer}}{{customer}}{{/customer}} (\($0)). Please tell us your order number."
        }.joined(separator: "\n---\n")
        let report = try checkReport(["en/complaint.mustache": variants])
        let asks = report.problems.filter { $0.severity == .error && $0.message.contains("asks for the order") }
        #expect(asks.map(\.line) == [1, 3, 5, 7], "\(report.problems)")
        #expect(!report.passed)
    }

    @Test("templates check passes when the ask sits in the branch where the identifier is unknown")
    func linterAcceptsGuardedAsk() throws {
        let byReference = (1...2).map {
            "Sorry (\($0)). {{#reference}}I'm on {{reference}}.{{/reference}}{{^reference}}Tell us your order number.{{/reference}}"
        }
        let byKind = (3...4).map {
            "Sorry (\($0)). {{#order}}I'm on order {{order}}.{{/order}}{{^order}}Tell us your order number.{{/order}}"
        }
        let report = try checkReport(["en/complaint.mustache": (byReference + byKind).joined(separator: "\n---\n")])
        #expect(report.passed, "\(report.problems)")
        #expect(!report.problems.contains { $0.message.contains("asks for") })
    }

    @Test("templates check warns of a form that names the identifier twice, not of one that names it once")
    func linterWarnsOfTwice() throws {
        let twice = (1...2).map {
            "Sorry about {{#reference}}{{reference}}{{/reference}}{{^reference}}this{{/reference}} (\($0)). "
                + "{{#reference}}I'm on {{reference}}.{{/reference}}{{^reference}}Tell us your order number.{{/reference}}"
        }
        let once = (3...4).map {
            "Sorry about {{#reference}}{{reference}}{{/reference}}{{^reference}}this{{/reference}} (\($0)). "
                + "{{#reference}}I'm on it.{{/reference}}{{^reference}}Tell us your order number.{{/reference}}"
        }
        let report = try checkReport(["en/complaint.mustache": (twice + once).joined(separator: "\n---\n")])
        let warnings = report.problems.filter { $0.severity == .warning && $0.message.contains("identifier twice") }
        #expect(warnings.map(\.line) == [1, 3], "\(report.problems)")
        #expect(warnings.allSatisfy { $0.message.contains("reference is present") })
        #expect(report.passed)
    }

    @Test("An order known only through {{order}} still may not be asked for as a booking when the booking is known")
    func orderSectionDoesNotCoverBooking() throws {
        let variants = (1...4).map {
            "Sorry (\($0)). {{#order}}I'm on order {{order}}.{{/order}}{{^order}}DM us your booking reference.{{/order}}"
        }.joined(separator: "\n---\n")
        let report = try checkReport(["en/complaint.mustache": variants])
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("asks for the booking") })
    }

    @Test("templates check fails a form that would pass the limit with the longest plausible reference")
    func linterChecksLongestValues() throws {
        let padding = String(repeating: "sorry ", count: 38)
        let variants = (1...4).map {
            "Sorry (\($0)) \(padding){{#reference}}about {{reference}}{{/reference}}."
        }.joined(separator: "\n---\n")
        let report = try checkReport(["en/complaint.x.mustache": variants])
        let long = report.problems.filter { $0.severity == .error && $0.message.contains("longest plausible") }
        #expect(long.count == 4, "\(report.problems)")
        #expect(long.allSatisfy { $0.message.contains("reference is present") })
    }

    @Test("A flag cannot be written as a value, and a variant may use at most eight variables")
    func flagsAndVariableCount() throws {
        let flag = (1...4).map { "Sorry (\($0)) {{#repeated}}{{repeated}}{{/repeated}}." }.joined(separator: "\n---\n")
        let report = try checkReport(["en/complaint.mustache": flag])
        #expect(report.problems.contains { $0.message.contains("is a flag with no text") })
        let many =
            "Sorry {{#customer}}{{customer}}{{/customer}}{{#agent}}{{agent}}{{/agent}}{{#topic}}{{topic}}{{/topic}}"
            + "{{#order}}{{order}}{{/order}}{{#booking}}{{booking}}{{/booking}}{{#flight}}{{flight}}{{/flight}}"
            + "{{#tracking}}{{tracking}}{{/tracking}}{{#case}}{{case}}{{/case}}{{#amount}}{{amount}}{{/amount}}."
        let tooMany = try checkReport([
            "en/complaint.mustache": ([many] + (2...4).map { "Sorry \($0)." }).joined(separator: "\n---\n")
        ])
        #expect(tooMany.problems.contains { $0.message.contains("uses 9 variables") })
    }

    @Test("Values quoted from the customer are refused when they hold a mention, a link or markup")
    func factValuesAreSanitised() {
        #expect(ReplyValueSanitiser.fact("#48213") == "#48213")
        #expect(ReplyValueSanitiser.fact("5 days") == "5 days")
        #expect(ReplyValueSanitiser.fact("€90.44") == "€90.44")
        #expect(ReplyValueSanitiser.fact("@everyone") == nil)
        #expect(ReplyValueSanitiser.fact("evil.com/x") == nil)
        #expect(ReplyValueSanitiser.fact("www.evil.com") == nil)
        #expect(ReplyValueSanitiser.fact("WwW.Evil.com") == nil, "in any case")
        #expect(ReplyValueSanitiser.fact("HTTPevil") == nil && ReplyValueSanitiser.fact("order hTtp") == nil)
        #expect(ReplyValueSanitiser.fact("£12.50, ’twas") == "£12.50, ’twas", "every punctuation a fact may hold")
        #expect(ReplyValueSanitiser.fact("Ωmega 12") == "Ωmega 12" && ReplyValueSanitiser.fact("www") == "www")
        #expect(ReplyValueSanitiser.fact("{{agent}}") == nil)
        #expect(ReplyValueSanitiser.fact("a\u{E000}b") == nil)
        #expect(ReplyValueSanitiser.fact("two  spaces") == nil)
        #expect(ReplyValueSanitiser.fact(String(repeating: "9", count: 31)) == nil)
    }
}
