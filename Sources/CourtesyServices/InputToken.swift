import CourtesyKafka

/// Packs an input message's partition and offset, and which of its outputs a message is, into a producer
/// delivery token, so the delivery report for an output says which input to acknowledge, with no table to keep.
///
/// 14 bits of partition, 48 of offset and one bit saying whether the output is the mention's state write
/// (its conversation's record on the changelog) rather than its draft or dead letter keep the token below
/// 2^63, which the producer reserves for itself.
enum InputToken {
    /// The bit set on a state write's token.
    static let stateWriteBit: UInt64 = 1 << 62
    /// The most partitions a token can name.
    static let partitionLimit: Int32 = 1 << 14

    /// The token of the draft or dead letter of the message at `partition` and `offset`, or `nil` when
    /// either is out of range.
    static func make(partition: Int32, offset: Int64) -> UInt64? {
        guard (0..<partitionLimit).contains(partition), (0..<(1 << 48)).contains(offset) else { return nil }
        return UInt64(partition) << 48 | UInt64(offset)
    }

    /// The token of the state write of the same message as `token`.
    static func stateWrite(_ token: UInt64) -> UInt64 {
        token | stateWriteBit
    }

    /// Whether `token` is a state write's.
    static func isStateWrite(_ token: UInt64) -> Bool {
        token & stateWriteBit != 0
    }

    /// The token of the message itself, whichever of its outputs `token` is.
    static func input(_ token: UInt64) -> UInt64 {
        token & ~stateWriteBit
    }

    static func position(_ token: UInt64, topic: String) -> KafkaPosition {
        let token = input(token)
        return KafkaPosition(topic: topic, partition: Int32(token >> 48), offset: Int64(token & ((1 << 48) - 1)))
    }
}
