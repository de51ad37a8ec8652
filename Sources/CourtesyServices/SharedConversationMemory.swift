import CourtesyCore
import CourtesyKafka

/// The responder's ``ConversationMemory``: owned by its batch loop, read by the tasks that draft a batch.
///
/// `@unchecked Sendable` because the memory is a mutable property, shared without a lock by a discipline
/// the batch loop keeps:
/// - only the batch loop writes (``remember(_:partition:)``, ``restore(_:conversation:partition:before:)``,
///   ``follow(_:)``, ``rewind(_:)``), and only while no drafting task of its runs: before it starts a round of drafting
///   tasks (starting a task orders what was written before what the task reads) and after their task
///   group has returned (its end orders the tasks' reads before what is written next);
/// - while a round is drafted, every task only reads (``memory``), so concurrent reads of one value are safe.
///
/// A reader's ``memory`` is a copy of the value, which shares its dictionaries (copy-on-write) and holds a
/// reference to them until it is released, at the end of the drafting call that made it. Were one still
/// held when the loop writes, the write would copy every table it touches, a million conversations per
/// batch; so readers must not keep the copy beyond their drafting call. The batch loop's writes then find
/// the tables uniquely referenced and change them in place (`MemoryCopyTests` measures it: a batch costs
/// the same with 300,000 conversations remembered as with none, and over ten times more with a copy kept).
final class SharedConversationMemory: @unchecked Sendable {
    /// What is remembered. Read it only while drafting a batch; never keep the copy.
    private(set) var memory: ConversationMemory
    /// The assignment generation under which each partition's memory was rebuilt from the changelog.
    private(set) var rebuilt: [Int32: UInt64] = [:]
    /// Partitions assigned and not yet rebuilt, with their generation: each is rebuilt when its first
    /// mention arrives, up to that mention's offset, or with the first one rebuilt when its changelog
    /// partition holds nothing.
    private(set) var pending: [Int32: UInt64] = [:]
    /// The offset after the last mention given to drafting, per rebuilt partition: a batch that goes back
    /// before it was read again from an earlier offset (``rewind(_:)``).
    private(set) var drafted: [Int32: Int64] = [:]

    init(settings: ConversationMemory.Settings) {
        memory = ConversationMemory(settings: settings)
    }

    /// Remembers a drafted mention's contact; returns the conversation's record for the changelog.
    func remember(_ note: BatchDrafter.Remembered, partition: Int32) -> [UInt8] {
        memory.remember(note.contact, conversation: note.conversation, partition: partition)
    }

    /// Merges a changelog record, keeping its contacts before `position`; `false` when it is not a record
    /// this version reads.
    func restore(_ record: some Collection<UInt8>, conversation: UInt64, partition: Int32, before position: Int64)
        -> Bool
    {
        memory.restore(record, conversation: conversation, partition: partition, before: position)
    }

    /// Follows the consumer's assignment (partition → generation): forgets the partitions revoked or assigned
    /// again since they were rebuilt, and notes those to rebuild.
    /// - Returns: whether anything changed.
    @discardableResult
    func follow(_ assignment: [Int32: UInt64]) -> Bool {
        var changed = false
        for (partition, generation) in rebuilt where assignment[partition] != generation {
            memory.forget(partition: partition)
            rebuilt[partition] = nil
            drafted[partition] = nil
            changed = true
        }
        for (partition, generation) in pending where assignment[partition] != generation {
            pending[partition] = nil
            changed = true
        }
        for (partition, generation) in assignment where rebuilt[partition] == nil && pending[partition] == nil {
            pending[partition] = generation
            changed = true
        }
        return changed
    }

    /// The lowest and highest offset of each partition's mentions in a batch.
    static func offsets(of batch: [KafkaMessage]) -> [Int32: ClosedRange<Int64>] {
        var ranges: [Int32: ClosedRange<Int64>] = [:]
        var index = batch.startIndex
        while index < batch.endIndex {
            // A batch comes in runs of one partition: one look-up per run.
            let partition = batch[index].partition
            var low = batch[index].offset
            var high = low
            index += 1
            while index < batch.endIndex, batch[index].partition == partition {
                low = min(low, batch[index].offset)
                high = max(high, batch[index].offset)
                index += 1
            }
            if let known = ranges[partition] {
                low = min(low, known.lowerBound)
                high = max(high, known.upperBound)
            }
            ranges[partition] = low...high
        }
        return ranges
    }

    /// Forgets, to be rebuilt again, each rebuilt partition whose mentions in a batch go back before one
    /// already given to drafting: the partition is read again from an earlier offset (a seek, or a partition
    /// handed back to this member while mentions fetched before were still being drafted). Its memory then
    /// holds contacts at and after that offset, which would push older ones out of a conversation's budget
    /// and change the drafts of the mentions read again.
    /// - Parameter batch: ``offsets(of:)`` of the batch.
    /// - Returns: the partitions rewound, now pending, with the offset each is read again from.
    func rewind(_ batch: [Int32: ClosedRange<Int64>]) -> [Int32: Int64] {
        var rewound: [Int32: Int64] = [:]
        for (partition, offsets) in batch {
            guard let next = drafted[partition], offsets.lowerBound < next,
                let generation = rebuilt.removeValue(forKey: partition)
            else { continue }
            memory.forget(partition: partition)
            drafted[partition] = nil
            pending[partition] = generation
            rewound[partition] = offsets.lowerBound
        }
        return rewound
    }

    /// Notes the mentions of a batch given to drafting, in the partitions rebuilt.
    /// - Parameter batch: ``offsets(of:)`` of the batch.
    func drafting(_ batch: [Int32: ClosedRange<Int64>]) {
        for (partition, offsets) in batch where rebuilt[partition] != nil {
            drafted[partition] = max(drafted[partition] ?? .min, offsets.upperBound + 1)
        }
    }

    /// Notes that `partition`, pending, was rebuilt.
    func markRebuilt(_ partition: Int32) {
        guard let generation = pending.removeValue(forKey: partition) else { return }
        rebuilt[partition] = generation
    }

    /// How many conversations are remembered.
    var count: Int { memory.count }
    /// How many conversations of `partition` are remembered.
    func conversations(in partition: Int32) -> Int { memory.conversations(in: partition) }
    /// The bytes the remembered records take (a walk over every conversation: not for every batch).
    var recordBytes: Int { memory.recordBytes }
    /// How many conversations were forgotten to stay within the budget, ever.
    var forgotten: Int { memory.forgotten }
}
