import Testing

@testable import CourtesyKafka

@Suite("The offset ledger commits only past contiguous acknowledgements")
struct OffsetLedgerTests {
    @Test("out-of-order acknowledgements advance only when the gap closes")
    func outOfOrder() {
        var ledger = PartitionLedger()
        for offset in Int64(10)..<15 { ledger.handOut(offset) }
        #expect(ledger.acknowledge(12) == nil)
        #expect(ledger.acknowledge(11) == nil)
        #expect(ledger.acknowledge(10) == 13)
        #expect(ledger.acknowledge(14) == nil)
        #expect(ledger.acknowledge(13) == 15)
        #expect(ledger.outstanding == 0)
    }

    @Test("offsets with holes (compaction, transaction markers) are tracked by what was handed out")
    func holes() {
        var ledger = PartitionLedger()
        for offset: Int64 in [3, 7, 8, 20] { ledger.handOut(offset) }
        #expect(ledger.acknowledge(3) == 4)
        #expect(ledger.acknowledge(8) == nil)
        #expect(ledger.acknowledge(7) == 9)
        #expect(ledger.acknowledge(5) == nil, "never handed out")
        #expect(ledger.acknowledge(20) == 21)
    }

    @Test("a second acknowledgement of the same message changes nothing")
    func duplicateAcknowledgement() {
        var ledger = PartitionLedger()
        ledger.handOut(0)
        ledger.handOut(1)
        #expect(ledger.acknowledge(0) == 1)
        #expect(ledger.acknowledge(0) == nil)
        #expect(ledger.outstanding == 1)
    }

    @Test("long runs compact without losing track")
    func compaction() {
        var ledger = PartitionLedger()
        var committable: Int64?
        for offset in Int64(0)..<20_000 {
            ledger.handOut(offset)
            if offset % 2 == 1 {
                _ = ledger.acknowledge(offset)
                committable = ledger.acknowledge(offset - 1) ?? committable
            }
        }
        #expect(committable == 20_000)
        #expect(ledger.outstanding == 0)
    }

    @Test("revoked partitions ignore late acknowledgements")
    func revoked() {
        let ledger = OffsetLedger()
        let partition = KafkaTopicPartition(topic: "t", partition: 0)
        ledger.assign([partition])
        ledger.handOut([KafkaMessage(topic: "t", partition: 0, offset: 5, key: nil, value: [])])
        ledger.revoke([partition])
        var stored: [KafkaTopicPartition: Int64] = [:]
        ledger.acknowledge([KafkaPosition(topic: "t", partition: 0, offset: 5)]) { stored = $0 }
        #expect(stored.isEmpty)
        #expect(ledger.assigned.isEmpty)
    }

    @Test("each assignment of a partition has a generation of its own; assigned again after a revocation, a new one")
    func generations() {
        let ledger = OffsetLedger()
        let first = KafkaTopicPartition(topic: "t", partition: 0)
        let second = KafkaTopicPartition(topic: "t", partition: 1)
        ledger.assign([first, second])
        let initial = ledger.generations
        #expect(Set(initial.keys) == [first, second])
        #expect(initial[first] != initial[second])
        ledger.assign([first])
        #expect(ledger.generations == initial, "a partition already assigned keeps its generation")
        ledger.revoke([first])
        #expect(ledger.generations[first] == nil)
        ledger.assign([first])
        let again = ledger.generations
        #expect(again[first] != nil && again[first] != initial[first])
        #expect(again[second] == initial[second])
    }
}
