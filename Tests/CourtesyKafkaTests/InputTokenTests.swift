import Testing

@testable import CourtesyKafka

@Suite("A delivery token names its input's topic, partition and offset, whatever topics the consumer reads")
struct InputTokenTests {
    private func message(_ topic: String, _ partition: Int32, _ offset: Int64) -> KafkaMessage {
        KafkaMessage(topic: topic, partition: partition, offset: offset, key: nil, value: [])
    }

    @Test("two topics with the same partition numbers get tokens that resolve to their own topic")
    func twoTopics() throws {
        let slots = InputTokenSlots()
        let batch = [
            message("mentions", 0, 5), message("mentions", 0, 6), message("replies", 0, 5),
            message("mentions", 3, 1), message("replies", 40_000, (1 << 48) - 1),
        ]
        let tokens = slots.tokens(for: batch).compactMap { $0 }
        #expect(tokens.count == batch.count)
        #expect(Set(tokens).count == batch.count)
        #expect(slots.positions(of: tokens) == batch.map(\.position))
        #expect(tokens.allSatisfy { $0.rawValue < 1 << 63 && !$0.isSecondOutput })
        // A later batch of a partition seen before reuses its slot.
        let again = try #require(slots.tokens(for: [message("replies", 0, 5)]).first ?? nil)
        #expect(again == tokens[2])
    }

    @Test("an input's second output has its own token, which resolves to the same input")
    func secondOutput() throws {
        let slots = InputTokenSlots()
        let input = try #require(slots.tokens(for: [message("mentions", 2, 9)]).first ?? nil)
        let second = input.secondOutput
        #expect(second != input && second.isSecondOutput && second.rawValue < 1 << 63)
        #expect(second.input == input && input.input == input)
        #expect(slots.positions(of: [second]) == [KafkaPosition(topic: "mentions", partition: 2, offset: 9)])
    }

    @Test("what no token can name is refused, and what another table gave is left out")
    func limits() {
        let slots = InputTokenSlots()
        #expect(slots.tokens(for: [message("mentions", 0, 1 << 48)]) == [nil])
        let many = (0..<Int32(KafkaInputToken.slotLimit)).map { message("mentions", $0, 0) }
        #expect(slots.tokens(for: many).allSatisfy { $0 != nil })
        #expect(slots.tokens(for: [message("other", 0, 0)]) == [nil], "every slot is taken")
        #expect(slots.tokens(for: [message("mentions", 7, 1)]).first??.offset == 1, "known partitions go on")

        let fresh = InputTokenSlots()
        let foreign = slots.tokens(for: [message("mentions", 9, 3)]).compactMap { $0 }
        #expect(fresh.positions(of: foreign).isEmpty)
        #expect(KafkaInputToken(rawValue: 1 << 63) == nil)
    }
}
