import Synchronization

/// Tracks, for each assigned partition, which handed-out messages the application has acknowledged, and
/// the offset below which every one of them has been.
///
/// Acknowledgements arrive out of order (delivery reports from different output partitions race each other),
/// so committing "the offset of the message just acknowledged" can skip a message whose output is not yet
/// written. The ledger only ever advances a partition's committable offset past a contiguous run of
/// acknowledged messages.
final class OffsetLedger: Sendable {
    private let partitions = Mutex<[KafkaTopicPartition: PartitionLedger]>([:])

    /// Starts tracking newly assigned partitions.
    func assign(_ assigned: [KafkaTopicPartition]) {
        partitions.withLock { partitions in
            for partition in assigned where partitions[partition] == nil {
                partitions[partition] = PartitionLedger()
            }
        }
    }

    /// Stops tracking revoked partitions; later acknowledgements for them are ignored.
    func revoke(_ revoked: [KafkaTopicPartition]) {
        partitions.withLock { partitions in
            for partition in revoked {
                partitions[partition] = nil
            }
        }
    }

    /// The partitions being tracked.
    var assigned: [KafkaTopicPartition] {
        partitions.withLock { $0.keys.sorted() }
    }

    /// Records messages handed to the application, in the order the partition delivered them.
    func handOut(_ messages: [KafkaMessage]) {
        partitions.withLock { partitions in
            // Batches hold long runs of one partition: look each run's ledger up once.
            var start = 0
            while start < messages.count {
                let first = messages[start]
                var end = start + 1
                while end < messages.count, messages[end].partition == first.partition,
                    messages[end].topic == first.topic
                {
                    end += 1
                }
                partitions[KafkaTopicPartition(topic: first.topic, partition: first.partition)]?
                    .handOut(messages[start..<end].lazy.map(\.offset))
                start = end
            }
        }
    }

    /// Marks messages acknowledged and calls `store` with each partition whose committable offset advanced
    /// (the next offset to consume), while still holding the lock so that stores never go backwards.
    func acknowledge<Positions: Collection>(
        _ positions: Positions,
        store: ([KafkaTopicPartition: Int64]) -> Void
    ) where Positions.Element == KafkaPosition {
        partitions.withLock { partitions in
            var advanced: [KafkaTopicPartition: Int64] = [:]
            var start = positions.startIndex
            while start != positions.endIndex {
                let first = positions[start]
                var end = positions.index(after: start)
                while end != positions.endIndex, positions[end].partition == first.partition,
                    positions[end].topic == first.topic
                {
                    end = positions.index(after: end)
                }
                let key = KafkaTopicPartition(topic: first.topic, partition: first.partition)
                if let next = partitions[key]?.acknowledge(positions[start..<end].lazy.map(\.offset)) {
                    advanced[key] = next
                }
                start = end
            }
            if !advanced.isEmpty {
                store(advanced)
            }
        }
    }

    /// How many handed-out messages of these partitions are not yet acknowledged.
    func outstanding(in selected: [KafkaTopicPartition]? = nil) -> Int {
        partitions.withLock { partitions in
            if let selected {
                return selected.reduce(0) { $0 + (partitions[$1]?.outstanding ?? 0) }
            }
            return partitions.values.reduce(0) { $0 + $1.outstanding }
        }
    }
}

/// One partition's handed-out offsets, in delivery order, with their acknowledgement flags.
struct PartitionLedger: Sendable {
    private var offsets: [Int64] = []
    private var acknowledged: [Bool] = []
    private var head = 0

    /// Handed-out messages not yet below the committable offset.
    var outstanding: Int { offsets.count - head }

    mutating func handOut(_ offsets: some Sequence<Int64>) {
        for offset in offsets {
            handOut(offset)
        }
    }

    /// Marks several offsets acknowledged; returns the new committable offset if it advanced.
    mutating func acknowledge(_ offsets: some Sequence<Int64>) -> Int64? {
        var latest: Int64?
        for offset in offsets {
            latest = acknowledge(offset) ?? latest
        }
        return latest
    }

    mutating func handOut(_ offset: Int64) {
        // A rewind (a seek, or a partition handed back) restarts the ledger at the new position.
        if let last = offsets.last, offset <= last {
            offsets.removeAll(keepingCapacity: true)
            acknowledged.removeAll(keepingCapacity: true)
            head = 0
        }
        offsets.append(offset)
        acknowledged.append(false)
    }

    /// Marks `offset` acknowledged; returns the new committable offset if it advanced.
    mutating func acknowledge(_ offset: Int64) -> Int64? {
        guard let index = index(of: offset), !acknowledged[index] else { return nil }
        acknowledged[index] = true
        guard index == head else { return nil }
        while head < offsets.count, acknowledged[head] {
            head += 1
        }
        let next = offsets[head - 1] + 1
        if head >= 4096, head * 2 >= offsets.count {
            offsets.removeFirst(head)
            acknowledged.removeFirst(head)
            head = 0
        }
        return next
    }

    private func index(of offset: Int64) -> Int? {
        var low = head
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < offsets.count && offsets[low] == offset ? low : nil
    }
}
