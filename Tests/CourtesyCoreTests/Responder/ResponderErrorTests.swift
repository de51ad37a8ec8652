import Testing

@testable import CourtesyCore

private func responder() throws -> Responder {
    Responder(
        classifier: try sharedClassifier.get(), names: try NameExtractor(), roster: nil,
        templates: try TemplateLibrary.bundled(), limits: EventLimits(maxEventBytes: 4096, maxTextBytes: 1024),
        clock: { Timestamp(millisecondsSinceEpoch: 0) })
}

private func reason(_ json: String) throws -> ResponderError.Reason? {
    try reason(Array(json.utf8))
}

private func reason(_ bytes: [UInt8]) throws -> ResponderError.Reason? {
    switch try responder().draft(json: bytes) {
    case .success: nil
    case .failure(let error): error.reason
    }
}

@Suite("Responder errors: a reason for machines, a message for people")
struct ResponderErrorTests {
    @Test("Each kind of bad event gets its reason")
    func reasons() throws {
        #expect(try reason(Fixtures.mentionJSON) == nil)
        #expect(try reason("not json") == .malformedJSON)
        #expect(try reason("{\"schema\":") == .malformedJSON)
        #expect(try reason("[1, 2]") == .wrongType)
        #expect(try reason(Fixtures.mention(replacing: "text", with: nil)) == .missingField)
        #expect(try reason(Fixtures.mention(replacing: "schema", with: #""courtesy.mention/v9""#)) == .unknownSchema)
        #expect(try reason(Fixtures.mention(replacing: "platform", with: #""myspace""#)) == .invalidValue)
        #expect(try reason(Fixtures.mention(replacing: "id", with: "12")) == .wrongType)
        #expect(
            try reason(Fixtures.mention(replacing: "text", with: "\"" + String(repeating: "a", count: 2000) + "\""))
                == .oversized)
        #expect(
            try reason(Fixtures.mention(replacing: "text", with: "\"" + String(repeating: "a", count: 5000) + "\""))
                == .oversized)
        #expect(try reason(String(repeating: "[", count: 100)) == .tooDeep)
        var invalid = Array(Fixtures.mention(replacing: "text", with: "\"caf\u{E9}\"").utf8)
        if let index = invalid.firstIndex(of: 0xC3) { invalid[index] = 0xFF }
        #expect(try reason(invalid) == .invalidUTF8)
        let duplicated = Fixtures.mentionJSON.replacingOccurrences(
            of: #""id":"1893","#, with: #""id":"1893","id":"2","#)
        #expect(try reason(duplicated) == .duplicateField)
    }

    @Test("The error names the field and the byte offset, and a message says what is wrong")
    func details() throws {
        guard
            case .failure(let error) = try responder().draft(
                json: Array(Fixtures.mention(replacing: "text", with: nil).utf8))
        else {
            Issue.record("a mention without text was drafted")
            return
        }
        #expect(error.field == "text")
        #expect(error.message == "missing field \"text\"")
        #expect(error.reason.rawValue == "missing-field")
        #expect(error.reason.isBadInput)
        #expect(error.description == "missing-field: missing field \"text\"")
    }

    @Test("Escaped member names are matched like plain ones")
    func escapedKeys() throws {
        let escaped = Fixtures.mentionJSON.replacingOccurrences(of: #""text":"#, with: #""t\u0065xt":"#)
        let plain = try responder().draft(json: Array(Fixtures.mentionJSON.utf8)).get()
        #expect(try responder().draft(json: Array(escaped.utf8)).get() == plain)
    }

    @Test("Configuration problems are not blamed on the event")
    func configurationReasons() {
        #expect(!ResponderError.Reason.noTemplate.isBadInput)
        #expect(!ResponderError.Reason.replyTooLong.isBadInput)
        #expect(Set(ResponderError.Reason.allCases.map(\.rawValue)).count == ResponderError.Reason.allCases.count)
    }
}
