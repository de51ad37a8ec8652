import Testing

@testable import CourtesyCore

@Suite("Mention decoding")
struct MentionDecodingTests {
    private func decode(_ text: String, limits: EventLimits = .standard) -> Result<Mention, EventDecodingError> {
        do throws(EventDecodingError) {
            return .success(try Mention(json: Array(text.utf8), limits: limits))
        } catch {
            return .failure(error)
        }
    }

    private func message(_ text: String, limits: EventLimits = .standard) -> String? {
        if case .failure(let error) = decode(text, limits: limits) { return error.description }
        return nil
    }

    @Test("a complete mention decodes")
    func complete() throws {
        let mention = try decode(Fixtures.mentionJSON).get()
        #expect(mention.id == "1893")
        #expect(mention.platform == .x)
        #expect(mention.author.displayName == "Jane Doe")
        #expect(mention.author.followers == 1200)
        #expect(mention.inReplyTo == nil)
        #expect(mention.engagement == Mention.Engagement(likes: 2, replies: 0, shares: 1))
        #expect(mention.conversationKey == "x:42")
        #expect(mention.createdAt.rfc3339 == "2025-03-01T10:00:00.000Z")
    }

    @Test("optional fields may be absent or null")
    func optionalFields() throws {
        let minimal = try decode(Fixtures.mention(replacing: "author", with: #"{"id":"42"}"#)).get()
        #expect(minimal.author.displayName == nil)
        #expect(minimal.author.handle == nil)
        #expect(minimal.author.followers == 0)
        #expect(minimal.url == nil)
        let nulls = try decode(
            Fixtures.mention(replacing: "author", with: #"{"id":"42","displayName":null,"followers":null}"#)
        ).get()
        #expect(nulls.author.displayName == nil)
    }

    @Test("missing required fields are named", arguments: ["id", "text", "schema", "platform", "createdAt", "author"])
    func missing(_ field: String) {
        #expect(message(Fixtures.mention(replacing: field, with: nil)) == "missing field \"\(field)\"")
    }

    @Test("a missing author id is named with its path")
    func missingNested() {
        #expect(
            message(Fixtures.mention(replacing: "author", with: #"{"handle":"x"}"#)) == "missing field \"author.id\"")
    }

    @Test("wrong types say what was expected and found")
    func wrongTypes() {
        let followers = message(Fixtures.mention(replacing: "author", with: #"{"id":"42","followers":"many"}"#))
        #expect(followers?.hasPrefix("field \"author.followers\": expected integer, found string at byte") == true)
        #expect(
            message(Fixtures.mention(replacing: "text", with: "12"))?.hasPrefix(
                "field \"text\": expected string, found number") == true)
        #expect(
            message(Fixtures.mention(replacing: "author", with: #"{"id":"42","verified":1}"#))?.contains(
                "expected boolean") == true)
        #expect(
            message(Fixtures.mention(replacing: "author", with: #"{"id":"42","followers":1.5}"#))?.contains(
                "non-integer") == true)
        #expect(
            message(Fixtures.mention(replacing: "author", with: #"{"id":"42","followers":-3}"#))?.contains(
                "non-negative") == true)
        #expect(message("[]")?.contains("expected object, found array") == true)
    }

    @Test("an unknown schema version is rejected")
    func unknownSchema() {
        #expect(
            message(Fixtures.mention(replacing: "schema", with: #""courtesy.mention/v2""#))
                == #"field "schema": unknown schema "courtesy.mention/v2" (expected "courtesy.mention/v1")"#)
    }

    @Test("text over the limit is rejected, at the limit accepted")
    func textLimit() {
        let limits = EventLimits(maxTextBytes: 10)
        #expect(
            message(Fixtures.mention(replacing: "text", with: #""eleven byte""#), limits: limits)?
                .hasPrefix("field \"text\": 11 bytes, over the limit of 10") == true)
        #expect(message(Fixtures.mention(replacing: "text", with: #""ten bytes!""#), limits: limits) == nil)
    }

    @Test("an event over the size limit is rejected before parsing")
    func eventLimit() {
        #expect(message(Fixtures.mentionJSON, limits: EventLimits(maxEventBytes: 64))?.hasPrefix("event is") == true)
    }

    @Test("invalid UTF-8 in the text is reported with field and offset")
    func invalidUTF8() {
        var bytes = Array(Fixtures.mention(replacing: "text", with: #""aZ""#).utf8)
        let offset = bytes.firstIndex(of: UInt8(ascii: "Z")) ?? 0
        bytes[offset] = 0xFF
        do throws(EventDecodingError) {
            _ = try Mention(json: bytes)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.offset == offset)
            #expect(error.description == "field \"text\": invalid UTF-8 at byte \(offset)")
        }
    }

    @Test("unknown platforms, bad dates, empty ids and duplicate fields are rejected")
    func invalidValues() {
        #expect(
            message(Fixtures.mention(replacing: "platform", with: #""myspace""#))?.contains("unknown value \"myspace\"")
                == true)
        #expect(
            message(Fixtures.mention(replacing: "createdAt", with: #""tomorrow""#))?.contains("not an RFC 3339") == true
        )
        #expect(message(Fixtures.mention(replacing: "id", with: #""""#))?.contains("must not be empty") == true)
        #expect(
            message(Fixtures.mention(replacing: "extra", with: #"1,"text":"again""#))?.hasPrefix(
                "duplicate field \"text\"") == true)
    }

    @Test("unknown fields are skipped but must be well-formed")
    func unknownFields() throws {
        let mention = try decode(Fixtures.mention(replacing: "future", with: #"{"nested":[1,{"x":null}]}"#)).get()
        #expect(mention.text == "hello")
        #expect(message(Fixtures.mention(replacing: "future", with: #"{"nested":[1,]}"#)) != nil)
    }

    @Test("trailing data after the event is rejected")
    func trailing() {
        #expect(message(Fixtures.mentionJSON + " {}")?.contains("unexpected data") == true)
    }
}
