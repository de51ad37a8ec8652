import Foundation
import HostileCorpus
import Testing

@testable import CourtesyCore

/// 2026-01-14 10:30 UTC.
private let now = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)

@Suite("Hostile input through the pure responder: a safe draft or a refusal with its reason", .timeLimit(.minutes(2)))
struct HostileInputTests {
    private static let responder: Result<Responder, any Error> = Result {
        try Responder(configuration: ResponderConfiguration(), clock: { now })
    }

    /// The draft event's reply text and greeted name, or why it is not a draft event.
    private func replyAndName(_ bytes: [UInt8]) throws -> (text: String, name: String?) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let text = try #require(object["text"] as? String)
        let customer = object["customer"] as? [String: Any]
        return (text, customer?["name"] as? String)
    }

    private func check(_ hostile: HostileMention, with responder: Responder) throws {
        let result = responder.draft(json: hostile.bytes, at: now)
        switch (hostile.expected, result) {
        case (.draft, .success(let bytes)):
            let (text, name) = try replyAndName(bytes)
            let problems = DraftSafety.problems(text: text, customerName: name)
            #expect(problems.isEmpty, "\(hostile.name): \(problems) in \(text)")
        case (.refused(let reason), .failure(let error)):
            #expect(error.reason.rawValue == reason, "\(hostile.name): \(error)")
            #expect(!error.message.isEmpty)
            #expect(error.message.utf8.count < 400, "\(hostile.name): the message stays short")
        case (.draft, .failure(let error)):
            Issue.record("\(hostile.name): refused (\(error)), a draft was expected")
        case (.refused(let reason), .success):
            Issue.record("\(hostile.name): drafted, \(reason) was expected")
        }
    }

    @Test("every event of the corpus")
    func corpus() throws {
        let responder = try Self.responder.get()
        #expect(HostileMention.corpus.count > 100)
        for hostile in HostileMention.corpus {
            #expect(!hostile.bytes.contains(0x0A), "\(hostile.name) is one line")
            try check(hostile, with: responder)
        }
    }

    @Test("a 10 MB text is refused as oversized, quickly")
    func tenMegabytes() throws {
        let responder = try Self.responder.get()
        let hostile = HostileMention.tenMegabyteText
        #expect(hostile.bytes.count > 10_000_000)
        let started = ContinuousClock.now
        try check(hostile, with: responder)
        // Refused by its size before any parsing: far quicker than this, whatever the machine's load.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("the same names through a Mention value: greeted by a sanitised name or by none")
    func mentionValues() throws {
        let responder = try Self.responder.get()
        for (index, name) in HostileMention.hostileNames.enumerated() {
            for handle in [nil, name] as [String?] {
                let mention = Mention(
                    id: "v-\(index)", platform: .x, brand: "acme",
                    author: Mention.Author(id: "a-\(index)", handle: handle, displayName: name, followers: 3),
                    text: "@acme my parcel is 3 days late, \(name)", createdAt: now)
                let draft = try responder.draft(for: mention, at: now)
                let problems = DraftSafety.problems(text: draft.text, customerName: draft.customer.name)
                #expect(problems.isEmpty, "name \(index): \(problems) in \(draft.text)")
            }
        }
    }

    @Test("the safety oracle itself catches what it should")
    func oracle() {
        #expect(DraftSafety.problems(text: "Hi Jane, sorry. ^Sam", customerName: "Jane").isEmpty)
        #expect(!DraftSafety.problems(text: "Hi {{agent}}", customerName: nil).isEmpty)
        #expect(!DraftSafety.problems(text: "Hi @everyone", customerName: nil).isEmpty)
        #expect(!DraftSafety.problems(text: "Hi Jane\u{202E}", customerName: nil).isEmpty)
        #expect(!DraftSafety.problems(text: "Hi Jane https://evil.example", customerName: nil).isEmpty)
        #expect(!DraftSafety.problems(text: "Hi", customerName: "Jane; rm").isEmpty)
        #expect(!DraftSafety.problems(text: "Hi", customerName: String(repeating: "a", count: 25)).isEmpty)
    }
}
