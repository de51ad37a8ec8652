import Testing

@testable import CourtesyCore

@Suite("Event encoding and draft ids")
struct EventEncodingTests {
    @Test("encoding is stable: fixed member order, same bytes every time")
    func stable() throws {
        let mention = try Mention(json: Array(Fixtures.mentionJSON.utf8))
        let first = mention.jsonBytes()
        #expect(first == mention.jsonBytes())
        let reencoded = try Mention(json: first).jsonBytes()
        #expect(reencoded == first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"schema":"courtesy.mention/v1","id":"1893","platform":"x","brand":"acme","author":{"id":"42""#))
    }

    @Test("mentions round-trip through JSON")
    func mentionRoundTrip() throws {
        let mention = Fixtures.sampleMention(text: "Quote \" slash \\ line\nsep\u{2028} emoji 😡")
        #expect(try Mention(json: mention.jsonBytes()) == mention)
    }

    @Test("drafts are built from their parts and round-trip")
    func draftRoundTrip() throws {
        let mention = Fixtures.sampleMention()
        let classification = Classification(
            intent: .complaint, tone: .apology, topics: ["delivery"],
            priority: Priority(level: .high, score: 45, reasons: ["complaint", "says they waited 3 days"]),
            language: .english, reviewReason: nil, sentiment: -0.4, replyWithinSeconds: 3600)
        let created = Timestamp(millisecondsSinceEpoch: 1_740_823_201_000)
        let draft = Draft(
            mention: mention, classification: classification, customerName: "Jane",
            agent: Draft.Agent(id: "a7", name: "Sam"), text: "Hi Jane, sorry about the wait. ^Sam",
            template: Draft.TemplateChoice(name: "complaint.x.en", variant: 2), createdAt: created)
        #expect(draft.id == Draft.identifier(platform: .x, mentionId: "1893"))
        #expect(draft.conversation == "x:42")
        #expect(draft.customer == Draft.Customer(name: "Jane", handle: "jane_d", followers: 1200))
        #expect(draft.replyBy == mention.createdAt.adding(seconds: 3600))
        #expect(draft.mentionCreatedAt == mention.createdAt)
        let bytes = draft.jsonBytes()
        #expect(try Draft(json: bytes) == draft)
        #expect(try Draft(json: bytes).jsonBytes() == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(
            text.contains(#""priority":{"level":"high","score":45,"reasons":["complaint","says they waited 3 days"]}"#))
        #expect(!text.contains("reviewReason"))
    }

    @Test("a draft carries its mention's time right after createdAt; drafts without it still decode")
    func draftMentionCreatedAt() throws {
        let mention = Fixtures.sampleMention()
        let classification = Classification(
            intent: .question, tone: .neutral, topics: [], priority: Priority(level: .normal, score: 10, reasons: []),
            language: .english, reviewReason: nil, sentiment: 0, replyWithinSeconds: 14400)
        let created = Timestamp(millisecondsSinceEpoch: 1_740_823_201_000)
        var draft = Draft(
            mention: mention, classification: classification, customerName: nil,
            agent: Draft.Agent(id: "team", name: "Team"), text: "Hello! Happy to help.",
            template: Draft.TemplateChoice(name: "en/question.x", variant: 1), createdAt: created)
        let bytes = draft.jsonBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(
            text.contains(
                #""createdAt":"\#(created.rfc3339)","mentionCreatedAt":"\#(mention.createdAt.rfc3339)","replyBy":"#))

        // Written before the field existed: absent, or null, decodes as unknown.
        let old = text.replacingOccurrences(of: #","mentionCreatedAt":"\#(mention.createdAt.rfc3339)""#, with: "")
        #expect(!old.contains("mentionCreatedAt"))
        let decodedOld = try Draft(json: Array(old.utf8))
        #expect(decodedOld.mentionCreatedAt == nil)
        draft.mentionCreatedAt = nil
        #expect(decodedOld == draft)
        #expect(draft.jsonBytes() == Array(old.utf8))
        let null = text.replacingOccurrences(
            of: #""\#(mention.createdAt.rfc3339)","replyBy""#, with: #"null,"replyBy""#)
        #expect(try Draft(json: Array(null.utf8)).mentionCreatedAt == nil)

        // Strict like every other member: a bad time or a second copy is refused.
        let bad = text.replacingOccurrences(
            of: #""\#(mention.createdAt.rfc3339)","replyBy""#, with: #""soon","replyBy""#)
        #expect(decodingError(bad)?.field == "mentionCreatedAt")
        let twice = text.replacingOccurrences(
            of: #","replyBy":"#, with: #","mentionCreatedAt":"2025-03-01T10:00:00Z","replyBy":"#)
        #expect(decodingError(twice)?.kind == .duplicateField)
    }

    @Test("a draft's facts and earlier contacts round-trip; each field is read once and unknown ones skipped")
    func draftFactsAndContacts() throws {
        let mention = Fixtures.sampleMention()
        let classification = Classification(
            intent: .complaint, tone: .apology, topics: [], priority: Priority(level: .normal, score: 10, reasons: []),
            language: .english, reviewReason: nil, sentiment: -0.4, replyWithinSeconds: 3600)
        var draft = Draft(
            mention: mention, classification: classification, customerName: nil,
            agent: Draft.Agent(id: "team", name: "Team"), text: "Sorry about order #48213.",
            template: Draft.TemplateChoice(name: "en/complaint.x", variant: 1),
            createdAt: Timestamp(millisecondsSinceEpoch: 1_740_823_201_000))
        let order = Fact(kind: .order, value: "#48213", normalised: "48213", span: 6..<12)
        draft.facts = [order]
        draft.previousContacts = [
            Draft.PreviousContact(
                mentionId: "1890", at: Timestamp(millisecondsSinceEpoch: 1_740_820_000_000), intent: .question,
                facts: [Fact(kind: .duration, value: "5 days", normalised: "P5D", span: nil)])
        ]
        let text = String(decoding: draft.jsonBytes(), as: UTF8.self)
        #expect(try Draft(json: Array(text.utf8)) == draft)

        let unknown = text.replacingOccurrences(
            of: #"{"kind":"order","#, with: #"{"colour":[1,{"a":2}],"kind":"order","#)
        #expect(unknown != text)
        #expect(try Draft(json: Array(unknown.utf8)) == draft)
        let twice = text.replacingOccurrences(of: #"{"kind":"order","#, with: #"{"kind":"order","kind":"order","#)
        #expect(decodingError(twice)?.kind == .duplicateField)
        #expect(decodingError(twice)?.field == "facts[0].kind")
        let noIdentifier = text.replacingOccurrences(of: #""id":"1890","#, with: "")
        #expect(noIdentifier != text)
        #expect(decodingError(noIdentifier)?.kind == .missingField)
        #expect(decodingError(noIdentifier)?.field == "previousContacts[0].id")
        let badKind = text.replacingOccurrences(of: #""kind":"duration""#, with: #""kind":"mood""#)
        #expect(decodingError(badKind)?.field == "previousContacts[0].facts[0].kind")
    }

    @Test("a long mention's draft carries its whole text after the excerpt, its URL and the author's reach")
    func draftMentionTextAndReach() throws {
        let long = String(repeating: "my parcel is late again and nobody answers ", count: 5) + "\"quoted\" end"
        var mention = Fixtures.sampleMention(text: long)
        mention.url = "https://x.example/jane_d/1893"
        let classification = Classification(
            intent: .complaint, tone: .apology, topics: [], priority: Priority(level: .normal, score: 10, reasons: []),
            language: .english, reviewReason: nil, sentiment: -0.4, replyWithinSeconds: 3600)
        let draft = Draft(
            mention: mention, classification: classification, customerName: "Jane",
            agent: Draft.Agent(id: "team", name: "Team"), text: "Sorry, Jane.",
            template: Draft.TemplateChoice(name: "en/complaint.x", variant: 1),
            createdAt: Timestamp(millisecondsSinceEpoch: 1_740_823_201_000))
        #expect(draft.excerpt.hasSuffix("…"))
        #expect(draft.mentionText == long)
        #expect(draft.mentionUrl == "https://x.example/jane_d/1893")
        #expect(draft.customer.followers == 1200)
        let bytes = draft.jsonBytes()
        #expect(try Draft(json: bytes) == draft)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""customer":{"name":"Jane","handle":"jane_d","followers":1200}"#))
        #expect(
            text.contains(
                #"…","mentionText":"\#(long.replacingOccurrences(of: "\"", with: "\\\""))","#
                    + #""mentionUrl":"https://x.example/jane_d/1893"}"#))

        // A short mention: the excerpt is the whole text, written once.
        let short = Draft(
            mention: Fixtures.sampleMention(), classification: classification, customerName: nil,
            agent: Draft.Agent(id: "team", name: "Team"), text: "Sorry.",
            template: Draft.TemplateChoice(name: "en/complaint.x", variant: 1),
            createdAt: Timestamp(millisecondsSinceEpoch: 1_740_823_201_000))
        #expect(short.mentionText == nil)
        #expect(!String(decoding: short.jsonBytes(), as: UTF8.self).contains("mentionText"))

        // Written before the fields existed, or with them null: still read, as unknown.
        let old = text.replacingOccurrences(of: #","followers":1200"#, with: "")
            .replacingOccurrences(
                of: #","mentionText":"\#(long.replacingOccurrences(of: "\"", with: "\\\""))""#, with: ""
            )
            .replacingOccurrences(of: #","mentionUrl":"https://x.example/jane_d/1893""#, with: "")
        #expect(!old.contains("mentionText") && !old.contains("mentionUrl") && !old.contains("followers"))
        let decodedOld = try Draft(json: Array(old.utf8))
        #expect(decodedOld.mentionText == nil && decodedOld.mentionUrl == nil && decodedOld.customer.followers == nil)
        #expect(decodedOld.jsonBytes() == Array(old.utf8))
        let nulls = text.replacingOccurrences(of: #""followers":1200"#, with: #""followers":null"#)
            .replacingOccurrences(of: #""mentionUrl":"https://x.example/jane_d/1893""#, with: #""mentionUrl":null"#)
        let decodedNulls = try Draft(json: Array(nulls.utf8))
        #expect(decodedNulls.mentionUrl == nil && decodedNulls.customer.followers == nil)
        #expect(decodedNulls.mentionText == long)

        // Strict like every other member.
        let negative = text.replacingOccurrences(of: #""followers":1200"#, with: #""followers":-3"#)
        #expect(decodingError(negative)?.field == "customer.followers")
        let twice = text.replacingOccurrences(
            of: #","mentionUrl":"#, with: #","mentionUrl":"https://x.example/1","mentionUrl":"#)
        #expect(decodingError(twice)?.kind == .duplicateField)
    }

    private func decodingError(_ json: String) -> EventDecodingError? {
        do throws(EventDecodingError) {
            _ = try Draft(json: Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("draft ids are deterministic, prefixed and distinct per platform and mention")
    func draftIdentifiers() {
        let id = Draft.identifier(platform: .x, mentionId: "1893")
        #expect(id == Draft.identifier(platform: .x, mentionId: "1893"))
        #expect(id.hasPrefix("d_"))
        #expect(id.count == 26)
        #expect(id.dropFirst(2).allSatisfy { $0.isHexDigit })
        #expect(id != Draft.identifier(platform: .facebook, mentionId: "1893"))
        #expect(id != Draft.identifier(platform: .x, mentionId: "1894"))
        // Pinned: the id must never change between releases, or replays would duplicate drafts.
        #expect(id == "d_2669c6fb89d0b6e265643142")
    }

    @Test("SipHash-2-4 matches the reference vector")
    func sipHashReference() {
        // Reference: Aumasson & Bernstein, key 00..0f, message 00..0e → a129ca6149be45e5.
        let message = (0..<15).map { UInt8($0) }
        let hash = message.withUnsafeBufferPointer {
            StableHash.sipHash24($0, key0: 0x0706_0504_0302_0100, key1: 0x0F0E_0D0C_0B0A_0908)
        }
        #expect(hash == 0xA129_CA61_49BE_45E5)
    }

    @Test("excerpts cut at a space and mark the cut")
    func excerpts() {
        #expect(Draft.excerpt(of: "short") == "short")
        let long = String(repeating: "word ", count: 60)
        let excerpt = Draft.excerpt(of: long, limit: 22)
        #expect(excerpt == "word word word word…")
        let accents = String(repeating: "é", count: 100)
        #expect(Draft.excerpt(of: accents, limit: 11).hasSuffix("…"))
        #expect(Draft.excerpt(of: accents, limit: 11).utf8.count <= 11 + 3)
    }
}
