import Foundation
import Testing

@testable import CourtesyCore

private let library = try! TemplateLibrary.bundled()

/// 2026-03-04T10:00:00Z, a Wednesday.
private let wednesday = Timestamp(rfc3339: "2026-03-04T10:00:00Z")!

@Suite("When the customer last wrote, in the reply's language")
struct FactPhrasesTests {
    @Test("Same day, the day before, within the week by weekday, older by date")
    func english() throws {
        let english = try #require(library.factPhrases["en"])
        func said(_ rfc3339: String) -> String {
            english.previous(earlier: Timestamp(rfc3339: rfc3339)!, now: wednesday)
        }
        #expect(said("2026-03-04T08:59:00Z") == "earlier today")
        #expect(said("2026-03-03T23:00:00Z") == "yesterday")
        #expect(said("2026-03-02T09:00:00Z") == "on Monday")
        #expect(said("2026-02-26T09:00:00Z") == "on Thursday")
        #expect(said("2026-02-25T09:00:00Z") == "on 25 February")
        #expect(said("2025-12-31T09:00:00Z") == "on 31 December")
    }

    @Test("A placeholder is filled wherever it stands, as often as it stands, and nothing else is touched")
    func fill() {
        #expect(TemplateFactPhrases.fill("order {value}", "{value}", with: "#48213") == "order #48213")
        #expect(TemplateFactPhrases.fill("{value}", "{value}", with: "SK1807") == "SK1807")
        #expect(
            TemplateFactPhrases.fill("la réservation {value} ({value})", "{value}", with: "É1")
                == "la réservation É1 (É1)")
        #expect(TemplateFactPhrases.fill("no placeholder", "{value}", with: "x") == "no placeholder")
        #expect(TemplateFactPhrases.fill("{valu {value}}", "{value}", with: "{value}") == "{valu {value}}")
        #expect(TemplateFactPhrases.fill("", "{value}", with: "x") == "")
    }

    @Test("The byte search finds the next match from where it is asked, in any ASCII case only when told")
    func byteSearch() {
        func find(_ needle: String, in text: String, from start: Int = 0, ignoringCase: Bool = false) -> Int? {
            Array(needle.utf8).withUnsafeBufferPointer { needle in
                Array(text.utf8).withUnsafeBufferPointer { text in
                    UTF8Scalar.firstIndex(of: needle, in: text, from: start, ignoringASCIICase: ignoringCase)
                }
            }
        }
        #expect(find("ab", in: "xaab ab") == 2)
        #expect(find("ab", in: "xaab ab", from: 3) == 5)
        #expect(find("ab", in: "xaab ab", from: 6) == nil && find("ab", in: "xaab ab", from: 99) == nil)
        #expect(find("aab", in: "aaab") == 1, "a failed start does not skip the match inside it")
        #expect(find("www.", in: "see WwW.x") == nil)
        #expect(find("www.", in: "see WwW.x", ignoringCase: true) == 4)
        #expect(find("é", in: "cafÉ é", ignoringCase: true) == 6, "only ASCII letters fold")
        #expect(find("", in: "abc") == nil && find("abcd", in: "abc") == nil)
    }

    @Test("Spanish has its own words")
    func spanish() throws {
        let spanish = try #require(library.factPhrases["es"])
        #expect(spanish.previous(earlier: Timestamp(rfc3339: "2026-03-02T09:00:00Z")!, now: wednesday) == "el lunes")
        #expect(
            spanish.previous(earlier: Timestamp(rfc3339: "2026-02-20T09:00:00Z")!, now: wednesday) == "el 20 de febrero"
        )
        #expect(spanish.reference(kind: .order, value: "#48213") == "el pedido #48213")
    }

    @Test("A facts.json with a missing or malformed member is reported and names it")
    func badFile() throws {
        var files = TemporaryTemplates.completeEnglish()
        files["en/facts.json"] = #"{"references": {"order": "order"}, "previous": {}, "weekdays": [], "months": []}"#
        let report = try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
        #expect(report.problems.contains { $0.file == "en/facts.json" && $0.message.contains("{value}") })
        files["en/facts.json"] = #"{"references": {"parcel": "parcel {value}"}}"#
        let unknown = try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
        #expect(unknown.problems.contains { $0.message.contains("\"parcel\" is not an identifier kind") })
    }
}
