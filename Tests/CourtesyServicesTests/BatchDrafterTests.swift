import CourtesyCore
import CourtesyKafka
import Testing

@testable import CourtesyServices

@Suite("Drafting a batch on several tasks")
struct BatchDrafterTests {
    private let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)

    /// Sample mentions, with a bad event every 37th message so refusals land inside every chunk.
    private func batch(_ count: Int) throws -> [KafkaMessage] {
        var samples = try SampleMentions(seed: 11, start: now)
        return (0..<count).map { index in
            let value = index % 37 == 5 ? Array(#"{"schema":"courtesy.mention/v1","id":"#.utf8) : samples.next()!.json
            return KafkaMessage(topic: "mentions", partition: 0, offset: Int64(index), key: nil, value: value[...])
        }
    }

    private func summary(_ outcomes: [BatchDrafter.Outcome]) -> [String] {
        outcomes.map { outcome in
            switch outcome {
            case .drafted(let draft, _):
                String(decoding: draft, as: UTF8.self)
            case .refused(let error):
                "refused: \(error.reason.rawValue)"
            }
        }
    }

    @Test("Outcomes come back in the batch's order, the same as drafting one by one")
    func splitBatchKeepsOrder() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let messages = try batch(500)
        let oneByOne = messages.map { message in
            switch responder.draft(json: Array(message.value), at: now) {
            case .success(let draft): String(decoding: draft, as: UTF8.self)
            case .failure(let error): "refused: \(error.reason.rawValue)"
            }
        }
        #expect(oneByOne.filter { $0.hasPrefix("refused") }.count == 14)
        for concurrency in [1, 2, 3, 8] {
            let drafter = BatchDrafter(responder: responder, concurrency: concurrency, minimumChunk: 16)
            let outcomes = await drafter.draft(messages, at: now)
            let texts = summary(outcomes)
            #expect(texts == oneByOne, "\(concurrency) tasks")
        }
    }

    @Test("A batch too small to split, and an empty one, are drafted on the calling task")
    func smallBatches() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let drafter = BatchDrafter(responder: responder, concurrency: 4, minimumChunk: 32)
        #expect(await drafter.draft([], at: now).isEmpty)
        let messages = try batch(40)
        #expect(summary(await drafter.draft(messages, at: now)) == summary(drafter.draft(messages[...], at: now)))
    }
}
