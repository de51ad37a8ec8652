import Foundation
import Testing

@testable import CourtesyCore

/// 2026-01-14 10:30 UTC, a Wednesday.
private let now = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)

/// Agents in two zones and languages, some off shift at `now`, with and without skills.
private func roster() throws -> AgentRoster {
    let utc = TimeZone(identifier: "UTC") ?? .gmt
    let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? .gmt
    let everyDay = Set(Weekday.allCases)
    return try AgentRoster(agents: [
        Agent(
            id: "ana", name: "Ana García", skills: ["delivery", "returns"], languages: ["en", "es"], timeZone: utc,
            shifts: [AgentShift(days: everyDay, startMinute: 0, endMinute: 1440)]),
        Agent(
            id: "ben\"quote", name: "Ben Okafor", skills: ["billing"], languages: ["en"], timeZone: utc,
            shifts: [AgentShift(days: everyDay, startMinute: 480, endMinute: 960)]),
        Agent(
            id: "chloé", name: "Chloé Martin", skills: ["*"], languages: ["en"], timeZone: tokyo,
            shifts: [AgentShift(days: everyDay, startMinute: 0, endMinute: 60)]),
        Agent(
            id: "diego", name: "Diego Ruiz", skills: [], languages: ["es"], timeZone: utc,
            shifts: [AgentShift(days: everyDay, startMinute: 600, endMinute: 660)]),
    ])
}

private func responder(
    roster: AgentRoster?, brands: BrandProfiles = BrandProfiles(), toneModel: ToneModel? = nil
) throws -> Responder {
    Responder(
        classifier: try sharedClassifier.get().using(toneModel), names: try NameExtractor(), roster: roster,
        templates: try TemplateLibrary.bundled(), brands: brands, clock: { now })
}

/// Profiles for two of the events' brands: an industry, sign-offs, accounts that need escaping, phrases.
private let brands = BrandProfiles([
    BrandProfile(
        brand: "acme", industry: .airline, signOff: .initials,
        accounts: [.x: "@acme\"air", .email: "care@acme.example"], phrases: ["en": ["delivery": "your trip"]]),
    BrandProfile(
        brand: "café", fallbackLanguage: "es", signOff: .none, accounts: [.facebook: "Café ☕ Täglich"],
        phrases: ["es": ["delivery": "tu café"]]),
])

/// A small deterministic generator, so a failure can be replayed.
private struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11
    }

    mutating func pick<Element>(_ list: [Element]) -> Element {
        list[Int(next() % UInt64(list.count))]
    }

    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}

/// JSON string literals, written as they may arrive: plain, with escapes of every kind, non-ASCII,
/// emoji, U+2028, control characters.
private let texts = [
    #""@acme my parcel is 3 days late and nobody answers, not happy""#,
    #""Thank you so much, the crew were amazing!! 😍😍""#,
    #""how do I change the delivery address on my order?""#,
    #""mi pedido no ha llegado y nadie me responde, pésimo servicio""#,
    #""注文した商品がまだ届きません。返金してください。注文した商品がまだ届きません。""#,
    #""quote \"this\" and a back\\slash and a tab\there\nnew line""#,
    #""escaped \u00e9t\u00e9 and an emoji \ud83d\ude21 and a slash \/ ok""#,
    #""line separator \u2028 and raw  and paragraph \u2029 end""#,
    #""control \u0001 characters \u001f in text""#,
    #""fix this in 48 hours or I'm posting everywhere and talking to my lawyer""#,
    #""great, another delay. just what I needed 🙄 #fail https://t.co/abc""#,
    #""""#,
    #""   ""#,
    // Every byte escaped as \u00XX in the draft: the worst case for the size the writer reserves.
    "\"" + String(repeating: #"\u0001"#, count: 300) + "\"",
]

private let displayNames = [
    #""Jane Doe""#, #""JOHN SMITH""#, #""Dr. Emily Chen""#, #""Sarah 🌸""#, #""Anne-Marie O'Neil""#,
    #""Jos\u00e9 Garc\u00eda""#, #""Мария Иванова""#, #""Tom & Jerry""#, #""Best Buy Support""#,
    #""Kevin (he/him)""#, #""J\"ane\" Q""#, #""@everyone http://evil.example""#, "null", #""""#,
]

private let handles = [
    #""jane_d""#, #""JetBlueNews""#, #""m\u00e1ria""#, #""user\"1""#, "null", #""\u0001\u0001\u0001\u0001""#,
]

/// A long text, so the excerpt is cut: ASCII words, or multi-byte characters with no space near the cut.
private func longText(_ generator: inout Generator) -> String {
    let unit = generator.pick(["my order is late again ", "é", "日本", "😡", "a\u{301}", "👩‍👩‍👧 "])
    return "\"" + String(repeating: unit, count: 150 / unit.utf8.count + 1 + Int(generator.next() % 20)) + "\""
}

/// A mention event with every optional member sometimes absent, sometimes null, in varying order.
private func event(_ index: Int, _ generator: inout Generator) -> String {
    var members: [String] = [
        #""schema":"courtesy.mention/v1""#,
        generator.chance(10) ? #""id":"id\u002d\#(index)""# : #""id":"18800000\#(index)""#,
        #""platform":"\#(generator.pick(Platform.allCases).rawValue)""#,
        #""brand":"\#(generator.pick(["acme", "sky\\\"air", "café", #"\u0002\u0003\u0004"#]))""#,
        #""text":\#(generator.chance(15) ? longText(&generator) : generator.pick(texts))"#,
        #""createdAt":"\#(generator.pick(["2026-01-14T09:00:00Z", "2026-01-13T23:59:59.5-08:00"]))""#,
    ]
    var author = [#""id":"\#(generator.chance(10) ? "a\\u0062c" : String(index % 97))""#]
    if generator.chance(80) { author.append(#""handle":\#(generator.pick(handles))"#) }
    if generator.chance(85) { author.append(#""displayName":\#(generator.pick(displayNames))"#) }
    if generator.chance(50) { author.append(#""followers":\#(generator.pick(["0", "1200", "2500000", "null"]))"#) }
    if generator.chance(20) { author.append(#""verified":\#(generator.pick(["true", "false", "null"]))"#) }
    if generator.chance(50) { author.append(#""locale":\#(generator.pick([#""en-US""#, #""es-ES""#, "null"]))"#) }
    members.append(#""author":{\#(author.joined(separator: ","))}"#)
    if generator.chance(40) { members.append(#""url":"https:\/\/x.example\/\#(index)""#) }
    if generator.chance(20) { members.append(#""inReplyTo":\#(generator.pick([#""17""#, "null"]))"#) }
    if generator.chance(30) {
        members.append(#""engagement":{"likes":3,"shares":\#(generator.pick(["0", "500"]))}"#)
    }
    if generator.chance(10) { members.append(#""extra":{"nested":[1,2,{"x":null}]}"#) }
    for index in members.indices.reversed() where index > 0 && generator.chance(30) {
        members.swapAt(index, Int(generator.next() % UInt64(index + 1)))
    }
    return "{" + members.joined(separator: generator.chance(20) ? " , " : ",") + "}"
}

@Suite("Responder hot path: the same bytes as a Draft encoded")
struct ResponderHotPathTests {
    @Test(
        "Over a varied corpus both paths give identical bytes",
        arguments: [(true, false, false), (false, false, false), (true, true, false), (false, true, true)])
    func identicalBytes(withRoster: Bool, withBrands: Bool, withToneModel: Bool) throws {
        let responder = try responder(
            roster: withRoster ? roster() : nil, brands: withBrands ? brands : BrandProfiles(),
            toneModel: withToneModel ? sharedToneModel.get().model : nil)
        var generator = Generator(state: withRoster ? 7 : 11)
        var compared = 0
        for index in 0..<3000 {
            let json = Array(event(index, &generator).utf8)
            let fast = responder.draft(json: json, at: now)
            let viaDraft = Result { () throws(ResponderError) -> [UInt8] in
                let mention: Mention
                do throws(EventDecodingError) {
                    mention = try Mention(json: json)
                } catch {
                    throw ResponderError(decoding: error)
                }
                return try responder.draft(for: mention, at: now).jsonBytes()
            }
            #expect(fast == viaDraft, "event \(index): \(String(decoding: json, as: UTF8.self))")
            if case .success(let bytes) = fast {
                compared += 1
                #expect(try Draft(json: bytes).mentionCreatedAt == Mention(json: json).createdAt)
            }
        }
        #expect(compared > 2500)
    }

    @Test(
        "A long mention with a URL and followers: the same bytes both ways, with its whole text, URL and reach",
        arguments: [
            #"@acme my flight was cancelled, then my bag was lost, and now \"support\" hangs up on me. "#
                + #"Three calls, two hours on hold, nothing. Fix this today or I go to the regulator."#,
            String(repeating: "😡 日本 é ", count: 20),
        ])
    func longMention(_ text: String) throws {
        let responder = try responder(roster: roster(), brands: brands)
        let literal = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        #expect(text.utf8.count > 140)
        let json = Array(
            (#"{"schema":"courtesy.mention/v1","id":"77","platform":"x","brand":"acme","#
                + #""author":{"id":"9","handle":"jane_d","displayName":"Jane Doe","followers":48200},"#
                + #""text":\#(literal),"url":"https:\/\/x.example\/jane_d\/77","#
                + #""createdAt":"2026-01-14T09:00:00Z"}"#).utf8)
        let fast = try responder.draft(json: json, at: now).get()
        let viaDraft = try responder.draft(for: Mention(json: json), at: now).jsonBytes()
        #expect(fast == viaDraft)
        let draft = try Draft(json: fast)
        #expect(draft.mentionText == text)
        #expect(draft.excerpt.hasSuffix("…") && text.hasPrefix(draft.excerpt.dropLast()))
        #expect(draft.mentionUrl == "https://x.example/jane_d/77")
        #expect(draft.customer.followers == 48200)
        let written = String(decoding: fast, as: UTF8.self)
        #expect(written.contains(#""handle":"jane_d","followers":48200}"#))
        #expect(written.contains(#"…","mentionText":""#))
    }

    @Test("Appending keeps what the buffer held and leaves it alone on a refused event")
    func appending() throws {
        let responder = try responder(roster: roster())
        var generator = Generator(state: 3)
        let first = Array(event(1, &generator).utf8)
        var output = Array("prefix\n".utf8)
        _ = try first.withUnsafeBytes { try responder.appendDraft(json: $0, to: &output, at: now) }
        let expected = try responder.draft(for: Mention(json: first), at: now).jsonBytes()
        #expect(output == Array("prefix\n".utf8) + expected)
        let before = output
        let bad = Array(#"{"schema":"courtesy.mention/v1","id":""}"#.utf8)
        #expect(throws: ResponderError.self) {
            try bad.withUnsafeBytes { try responder.appendDraft(json: $0, to: &output, at: now) }
        }
        #expect(output == before)
    }

    @Test("Excerpts are cut between characters, never inside one")
    func excerpt() {
        var generator = Generator(state: 5)
        for _ in 0..<500 {
            let literal = longText(&generator)
            let text = String(literal.dropFirst().dropLast())
            let excerpt = Draft.excerpt(of: text)
            #expect(excerpt.hasSuffix("…"))
            #expect(text.hasPrefix(excerpt.dropLast()))
            #expect(excerpt.utf8.count <= 140 + 3)
        }
    }
}
