import CourtesyCore
import CourtesyKafka
import Testing

@testable import CourtesyServices

@Suite("Decoding what the desk reads, off its actor")
struct DeskReadDecoderTests {
    private let configuration = DeskServiceConfiguration()
    private let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)

    private func describe(_ message: DeskReadDecoder.Message) -> String {
        let place = "\(message.partition.topic)[\(message.partition.partition)]@\(message.offset)"
        switch message.event {
        case .draft(let draft): return "\(place) draft \(draft.id)"
        case .decision(let decision): return "\(place) decision \(decision.draftId) \(decision.action)"
        case .reply(let id): return "\(place) reply \(id)"
        case .publication(let publication): return "\(place) publication \(publication.replyId)"
        case .ignored: return "\(place) ignored"
        case .unreadableDecision(let unreadable): return "\(place) unreadable decision \(unreadable.draftId)"
        case .undecodable: return "\(place) undecodable"
        }
    }

    @Test("Every topic's events decoded in the batch's order, on several tasks; bad bytes marked, not dropped")
    func mixedBatch() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        var samples = try SampleMentions(seed: 3, start: now)
        var messages: [KafkaMessage] = []
        var expected: [String] = []
        for index in 0..<900 {
            let mention = samples.nextMention()
            let draft = try responder.draft(for: mention, at: now)
            let (topic, value, description): (String, [UInt8], String)
            switch index % 9 {
            case 3:
                let decision = Decision(
                    draft: draft, action: .approve, text: draft.text, approver: "sam", reason: nil, decidedAt: now)
                (topic, value, description) = (
                    configuration.decisionsTopic, decision.jsonBytes(), "decision \(draft.id) approve"
                )
            case 4:
                let decision = Decision(
                    draft: draft, action: .approve, text: draft.text, approver: "sam", reason: nil, decidedAt: now)
                let reply = try #require(Reply(decision: decision))
                (topic, value, description) = (configuration.repliesTopic, reply.jsonBytes(), "reply \(draft.id)")
            case 5:
                (topic, value, description) = (
                    configuration.draftsTopic, Array(#"{"schema":"courtesy.draft/v1""#.utf8), "undecodable"
                )
            case 6:
                (topic, value, description) = ("elsewhere", draft.jsonBytes(), "ignored")
            default:
                (topic, value, description) = (configuration.draftsTopic, draft.jsonBytes(), "draft \(draft.id)")
            }
            messages.append(
                KafkaMessage(
                    topic: topic, partition: Int32(index % 3), offset: Int64(index), key: nil, value: value[...]))
            expected.append("\(topic)[\(index % 3)]@\(index) \(description)")
        }
        for concurrency in [1, 2, 4] {
            let decoder = DeskReadDecoder(configuration: configuration, concurrency: concurrency)
            let decoded = await decoder.decode(KafkaReadBatch(messages: messages, reachedEnd: [:]))
            #expect(decoded.map(describe) == expected, "\(concurrency) tasks")
        }
    }
}
