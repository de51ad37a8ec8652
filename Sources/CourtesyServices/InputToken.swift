import CourtesyKafka

/// Packs an input message's partition and offset into a producer delivery token, so the delivery report for
/// the output it caused says which input to acknowledge, with no table to keep.
///
/// 15 bits of partition and 48 of offset keep the token below 2^63, which the producer reserves for itself.
enum InputToken {
    static func make(partition: Int32, offset: Int64) -> UInt64? {
        guard (0..<(1 << 15)).contains(partition), (0..<(1 << 48)).contains(offset) else { return nil }
        return UInt64(partition) << 48 | UInt64(offset)
    }

    static func position(_ token: UInt64, topic: String) -> KafkaPosition {
        KafkaPosition(topic: topic, partition: Int32(token >> 48), offset: Int64(token & ((1 << 48) - 1)))
    }
}
