import CourtesyLocking

/// A producer delivery token that names the consumed message an output was made from, so that the output's
/// delivery report says which input to acknowledge, with no table kept per message.
///
/// A ``KafkaConsumer`` hands them out (``KafkaConsumer/tokens(for:)``) and turns them back into positions
/// (``KafkaConsumer/positions(of:)``), whatever topics it reads. Below 2^63, which the producer keeps for its
/// own tokens, a token packs:
/// - bits 0–47, the input's offset;
/// - bits 48–61, the input's topic and partition, as a slot in the consumer's table: up to 16,384 partitions,
///   across every topic it reads in its lifetime;
/// - bit 62, which of two outputs of the same input the report is for (``secondOutput``), for an application
///   whose input is acknowledged only once both outputs are.
package struct KafkaInputToken: Hashable, Sendable, CustomStringConvertible {
    /// The value to give ``KafkaProducer/send(_:token:)``.
    package let rawValue: UInt64

    static let offsetBits = 48
    static let slotLimit = 1 << 14
    private static let secondOutputBit: UInt64 = 1 << 62

    /// The token a delivery report carries back, or `nil` when `rawValue` is not one (the producer's own).
    package init?(rawValue: UInt64) {
        guard rawValue < KafkaProducer.reservedTokens else { return nil }
        self.rawValue = rawValue
    }

    /// `nil` when the slot or offset is out of range.
    init?(slot: Int, offset: Int64) {
        guard (0..<Self.slotLimit).contains(slot), (0..<(1 << Self.offsetBits)).contains(offset) else { return nil }
        rawValue = UInt64(slot) << Self.offsetBits | UInt64(offset)
    }

    /// The token of the same input's other output.
    package var secondOutput: KafkaInputToken {
        KafkaInputToken(uncheckedRawValue: rawValue | Self.secondOutputBit)
    }

    /// Whether this is a ``secondOutput``'s token.
    package var isSecondOutput: Bool { rawValue & Self.secondOutputBit != 0 }

    /// The input's own token (its first output's), whichever output this is.
    package var input: KafkaInputToken {
        KafkaInputToken(uncheckedRawValue: rawValue & ~Self.secondOutputBit)
    }

    var slot: Int { Int((rawValue & ~Self.secondOutputBit) >> Self.offsetBits) }
    var offset: Int64 { Int64(rawValue & ((1 << Self.offsetBits) - 1)) }

    package var description: String {
        "slot \(slot) offset \(offset)" + (isSecondOutput ? " (second output)" : "")
    }

    private init(uncheckedRawValue: UInt64) {
        rawValue = uncheckedRawValue
    }
}

/// A consumer's table of the partitions its tokens name: a partition's slot is given the first time one of
/// its messages gets a token, and kept for the consumer's life, so that a token stays valid across rebalances.
package final class InputTokenSlots: Sendable {
    private struct Table {
        var slots: [KafkaTopicPartition: Int] = [:]
        var partitions: [KafkaTopicPartition] = []
    }

    private let table = Locked(Table())

    /// One token per message, `nil` for a message whose offset is beyond 2^48 or whose partition finds no
    /// free slot. One lock, and one look-up per run of messages of the same partition.
    package init() {}

    package func tokens(for messages: [KafkaMessage]) -> [KafkaInputToken?] {
        table.withLock { table in
            var tokens: [KafkaInputToken?] = []
            tokens.reserveCapacity(messages.count)
            var last: (topic: String, partition: Int32, slot: Int?)?
            for message in messages {
                let slot: Int?
                if let last, last.partition == message.partition, last.topic == message.topic {
                    slot = last.slot
                } else {
                    slot = Self.slot(
                        of: KafkaTopicPartition(topic: message.topic, partition: message.partition), in: &table)
                    last = (message.topic, message.partition, slot)
                }
                tokens.append(slot.flatMap { KafkaInputToken(slot: $0, offset: message.offset) })
            }
            return tokens
        }
    }

    /// The position of each token's input, in order; a token this table never gave is left out.
    package func positions(of tokens: [KafkaInputToken]) -> [KafkaPosition] {
        table.withLock { table in
            tokens.compactMap { token in
                let slot = token.slot
                guard slot < table.partitions.count else { return nil }
                let partition = table.partitions[slot]
                return KafkaPosition(topic: partition.topic, partition: partition.partition, offset: token.offset)
            }
        }
    }

    private static func slot(of partition: KafkaTopicPartition, in table: inout Table) -> Int? {
        if let slot = table.slots[partition] { return slot }
        guard table.partitions.count < KafkaInputToken.slotLimit else { return nil }
        let slot = table.partitions.count
        table.partitions.append(partition)
        table.slots[partition] = slot
        return slot
    }
}
