import CourtesyLocking
import Synchronization

/// Tracks, for each assigned partition, which handed-out messages the application has acknowledged, and
/// the offset below which every one of them has been.
///
/// Acknowledgements arrive out of order (delivery reports from different output partitions race each other),
/// so committing "the offset of the message just acknowledged" can skip a message whose output is not yet
/// written. The ledger only ever advances a partition's committable offset past a contiguous run of
/// acknowledged messages.
///
/// It also remembers, across revocations, the committable offset each partition last reached here. When a
/// partition is lost (the session expired while the coordinator was unreachable, so the last commits failed)
/// and then handed back, the consumer resumes from what it had acknowledged instead of from the stale commit.
///
/// Each assignment of a partition gets a generation, a number never given before: a partition revoked and
/// assigned again has a new one, so state derived from it (a memory rebuilt from a changelog) can tell that
/// it must be derived again.
///
/// Messages fetched under one assignment of a partition and not yet taken by the application when the
/// partition is revoked are stale: the partition's next owner (this member again, after a lost session) reads
/// them again from the position it resumes at. ``Assignment`` lets the consumer drop them instead of handing
/// them out twice.
package final class OffsetLedger: Sendable {
    private let partitions = Locked<[KafkaTopicPartition: PartitionLedger]>([:])
    private let acknowledgedUpTo = Locked<[KafkaTopicPartition: Int64]>([:])
    private let lastGeneration = Atomic<UInt64>(0)
    /// Bumped, under the partitions' lock, by every assignment or revocation.
    private let version = Atomic<UInt64>(0)

    package init() {}

    /// Which generation of each partition messages were fetched under.
    struct Assignment: Sendable {
        let version: UInt64
        let generations: [KafkaTopicPartition: UInt64]
    }

    /// The assignment as it stands; cheap to compare with ``assignmentVersion`` later.
    var assignment: Assignment {
        partitions.withLock { partitions in
            Assignment(version: version.load(ordering: .relaxed), generations: partitions.mapValues(\.generation))
        }
    }

    /// Changes whenever partitions are assigned or revoked.
    var assignmentVersion: UInt64 { version.load(ordering: .relaxed) }

    /// Whether a message of `partition` fetched under `earlier` still belongs to the current assignment.
    func isCurrent(_ partition: KafkaTopicPartition, fetchedUnder earlier: Assignment) -> Bool {
        guard let generation = earlier.generations[partition] else { return false }
        return partitions.withLock { $0[partition]?.generation == generation }
    }

    /// `messages` without those fetched under an assignment of their partition that has since been revoked.
    func current(_ messages: [KafkaMessage], fetchedUnder earlier: Assignment) -> [KafkaMessage] {
        guard earlier.version != assignmentVersion else { return messages }
        let now = assignment
        return messages.filter { message in
            let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            guard let generation = earlier.generations[partition] else { return false }
            return now.generations[partition] == generation
        }
    }

    /// The next offset after the last contiguous run this member acknowledged, per partition.
    func acknowledgedPositions(of selected: [KafkaTopicPartition]) -> [KafkaTopicPartition: Int64] {
        acknowledgedUpTo.withLock { known in
            selected.reduce(into: [:]) { result, partition in result[partition] = known[partition] }
        }
    }

    /// Starts tracking newly assigned partitions.
    package func assign(_ assigned: [KafkaTopicPartition]) {
        partitions.withLock { partitions in
            for partition in assigned where partitions[partition] == nil {
                partitions[partition] = PartitionLedger(
                    generation: lastGeneration.add(1, ordering: .relaxed).newValue)
            }
            version.add(1, ordering: .relaxed)
        }
    }

    /// Stops tracking revoked partitions; later acknowledgements for them are ignored.
    func revoke(_ revoked: [KafkaTopicPartition]) {
        partitions.withLock { partitions in
            for partition in revoked {
                partitions[partition] = nil
            }
            version.add(1, ordering: .relaxed)
        }
    }

    /// The partitions being tracked.
    var assigned: [KafkaTopicPartition] {
        partitions.withLock { $0.keys.sorted() }
    }

    /// The partitions being tracked, each with the generation of its assignment.
    var generations: [KafkaTopicPartition: UInt64] {
        partitions.withLock { $0.mapValues(\.generation) }
    }

    /// Records messages handed to the application, in the order the partition delivered them.
    package func handOut(_ messages: [KafkaMessage]) {
        partitions.withLock { partitions in
            forEachRun(of: messages) { key, range in
                partitions[key]?.handOut(messages, range)
            }
        }
    }

    /// Marks messages acknowledged and calls `store` with each partition whose committable offset advanced
    /// (the next offset to consume), while still holding the lock so that stores never go backwards.
    package func acknowledge<Entry: OffsetAddressable>(
        _ entries: [Entry], store: ([KafkaTopicPartition: Int64]) -> Void
    ) {
        partitions.withLock { partitions in
            var advanced: [KafkaTopicPartition: Int64] = [:]
            forEachRun(of: entries) { key, range in
                if let next = partitions[key]?.acknowledge(entries, range) {
                    advanced[key] = next
                }
            }
            if !advanced.isEmpty {
                store(advanced)
                acknowledgedUpTo.withLock { $0.merge(advanced) { max($0, $1) } }
            }
        }
    }

    /// Calls `body` once per run of consecutive entries of one partition: batches hold long runs, so each
    /// run's ledger is looked up once rather than once per message.
    private func forEachRun<Entry: OffsetAddressable>(
        of entries: [Entry],
        _ body: (KafkaTopicPartition, Range<Int>) -> Void
    ) {
        var start = 0
        while start < entries.count {
            let partition = entries[start].partition
            let topic = entries[start].topic
            var end = start + 1
            while end < entries.count, entries[end].partition == partition, entries[end].topic == topic {
                end += 1
            }
            body(KafkaTopicPartition(topic: topic, partition: partition), start..<end)
            start = end
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
    /// Which assignment of the partition this ledger tracks (``OffsetLedger/generations``).
    let generation: UInt64
    private var offsets: [Int64] = []
    private var acknowledged: [Bool] = []
    private var head = 0

    /// Handed-out messages not yet below the committable offset.
    var outstanding: Int { offsets.count - head }

    init(generation: UInt64 = 0) {
        self.generation = generation
    }

    mutating func handOut<Entry: OffsetAddressable>(_ entries: [Entry], _ range: Range<Int>) {
        for index in range {
            handOut(entries[index].offset)
        }
    }

    /// Marks several entries acknowledged; returns the new committable offset if it advanced.
    mutating func acknowledge<Entry: OffsetAddressable>(_ entries: [Entry], _ range: Range<Int>) -> Int64? {
        var latest: Int64?
        for index in range {
            latest = acknowledge(entries[index].offset) ?? latest
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

/// Anything that names a message's topic, partition and offset.
package protocol OffsetAddressable {
    var topic: String { get }
    var partition: Int32 { get }
    var offset: Int64 { get }
}

extension KafkaMessage: OffsetAddressable {}
extension KafkaPosition: OffsetAddressable {}
