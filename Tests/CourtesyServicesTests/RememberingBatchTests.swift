import CourtesyCore
import CourtesyKafka
import Foundation
import Testing

@testable import CourtesyServices

@Suite("Drafting a batch with the memory of conversations", .timeLimit(.minutes(1)))
struct RememberingBatchTests {
    private let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)

    private func mention(_ index: Int, author: String, minute: Int, text: String) -> [UInt8] {
        let json =
            #"{"schema":"courtesy.mention/v1","id":"m-\#(index)","platform":"x","brand":"acme","#
            + #""author":{"id":"\#(author)","handle":"\#(author)","displayName":"Jane Doe"},"#
            + #""text":"\#(text)","createdAt":"2026-11-23T10:\#(String(format: "%02d", minute)):00Z"}"#
        return Array(json.utf8)
    }

    /// 60 mentions over 2 partitions: one customer writes three times in partition 0, another twice in
    /// partition 1 and once in partition 0 (two conversations, by partition), the rest once each.
    private func messages() -> [KafkaMessage] {
        let texts = [
            "my parcel is late again, order 70412", "still no parcel, 3 days now", "where is my order?? nobody answers",
        ]
        var repeats: [Int: (String, Int32)] = [5: ("jane", 0), 17: ("jane", 0), 40: ("jane", 0)]
        repeats[8] = ("sam", 1)
        repeats[30] = ("sam", 1)
        repeats[31] = ("sam", 0)
        var offsets: [Int32: Int64] = [0: 100, 1: 200]
        return (0..<60).map { index in
            let (author, partition) = repeats[index] ?? ("customer-\(index)", Int32(index % 2))
            let value = mention(index, author: author, minute: index % 60, text: texts[index % texts.count])
            defer { offsets[partition, default: 0] += 1 }
            return KafkaMessage(
                topic: "mentions", partition: partition, offset: offsets[partition, default: 0], key: nil,
                value: value[...])
        }
    }

    /// Each message drafted on its own, in order, remembering each contact before the next: the reference.
    private func oneByOne(_ messages: [KafkaMessage], responder: Responder) throws -> [String] {
        var memory = ConversationMemory()
        return try messages.map { message in
            var output: [UInt8] = []
            let drafted = try message.value.withUnsafeBytes { buffer in
                try responder.appendDraft(
                    json: buffer, to: &output, memory: (memory, message.partition, message.offset), at: now)
            }
            let contact = try #require(drafted.contact)
            memory.remember(contact, conversation: drafted.conversation, partition: message.partition)
            return String(decoding: output, as: UTF8.self)
        }
    }

    private func previousContacts(_ draft: String) throws -> Int {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(draft.utf8)) as? [String: Any])
        return (object["previousContacts"] as? [Any])?.count ?? 0
    }

    @Test("a conversation's mentions within one batch give the drafts of drafting them one by one")
    func repeatsWithinABatch() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let messages = messages()
        let reference = try oneByOne(messages, responder: responder)
        #expect(try [5, 17, 40].map { try previousContacts(reference[$0]) } == [0, 1, 2])
        #expect(try [8, 30, 31].map { try previousContacts(reference[$0]) } == [0, 1, 0], "one memory per partition")

        for (concurrency, batchSize) in [(1, 60), (2, 60), (4, 60), (3, 25)] {
            let drafter = BatchDrafter(responder: responder, concurrency: concurrency, minimumChunk: 8)
            let memory = SharedConversationMemory(settings: ConversationMemory.Settings())
            var drafts: [String] = []
            var records: [[UInt8]?] = []
            for start in stride(from: 0, to: messages.count, by: batchSize) {
                let batch = Array(messages[start..<min(start + batchSize, messages.count)])
                let drafted = await drafter.draft(batch, remembering: memory, at: now)
                for (index, outcome) in drafted.outcomes.enumerated() {
                    guard case .drafted(let draft, _)? = outcome else {
                        Issue.record("message \(start + index) was not drafted")
                        continue
                    }
                    drafts.append(String(decoding: draft, as: UTF8.self))
                }
                records += drafted.records
            }
            #expect(drafts == reference, "\(concurrency) tasks, batches of \(batchSize)")
            #expect(records.allSatisfy { $0 != nil }, "every contact remembered")
            #expect(memory.count == 57)
        }
    }

    @Test("a batch that holds a rewind gives every mention, both copies of a re-read one too, its one-by-one draft")
    func rewindWithinABatch() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let messages = messages()
        let reference = try oneByOne(messages, responder: responder)
        // A partition handed back while the batch was fetched: the mentions read before (the last 30) come
        // first, then the partition read again from its start; Jane's third mention (40) is read before her
        // first two (5 and 17), and must still see them.
        let order = Array(30..<60) + Array(0..<60)
        let batch = order.map { messages[$0] }
        for concurrency in [1, 3] {
            let drafter = BatchDrafter(responder: responder, concurrency: concurrency, minimumChunk: 4)
            let memory = SharedConversationMemory(settings: ConversationMemory.Settings())
            let drafted = await drafter.draft(batch, remembering: memory, at: now)
            for (position, index) in order.enumerated() {
                guard case .drafted(let draft, _)? = drafted.outcomes[position] else {
                    Issue.record("message \(index) (batch position \(position)) was not drafted")
                    continue
                }
                #expect(
                    String(decoding: draft, as: UTF8.self) == reference[index],
                    "message \(index) at batch position \(position), \(concurrency) tasks")
            }
            #expect(memory.count == 57)
        }
        #expect(try previousContacts(reference[40]) == 2)
    }

    @Test("a revoked partition's mentions are neither drafted nor remembered; the others' drafts do not change")
    func skippedPartition() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let drafter = BatchDrafter(responder: responder, concurrency: 2, minimumChunk: 4)
        let messages = messages()
        let reference = try oneByOne(messages, responder: responder)
        let memory = SharedConversationMemory(settings: ConversationMemory.Settings())
        let drafted = await drafter.draft(messages, remembering: memory, at: now) { $0.partition == 1 }
        #expect(memory.conversations(in: 1) == 0)
        for (index, message) in messages.enumerated() {
            if message.partition == 1 {
                #expect(drafted.outcomes[index] == nil && drafted.records[index] == nil)
            } else if case .drafted(let draft, _)? = drafted.outcomes[index] {
                #expect(String(decoding: draft, as: UTF8.self) == reference[index])
            } else {
                Issue.record("message \(index) was not drafted")
            }
        }
    }

    @Test("the memory's record for the changelog restores to the same memory")
    func recordsRestore() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let drafter = BatchDrafter(responder: responder, concurrency: 2, minimumChunk: 8)
        let messages = messages()
        let memory = SharedConversationMemory(settings: ConversationMemory.Settings())
        let drafted = await drafter.draft(messages, remembering: memory, at: now)
        var records: [(key: String, partition: Int32, record: [UInt8])] = []
        for index in messages.indices {
            guard case .drafted(_, let remembered?)? = drafted.outcomes[index], let record = drafted.records[index]
            else { continue }
            records.append((remembered.key, messages[index].partition, record))
        }
        let rebuilt = SharedConversationMemory(settings: ConversationMemory.Settings())
        for record in records {
            #expect(
                rebuilt.restore(
                    record.record, conversation: StableHash.hash(record.key), partition: record.partition, before: .max)
            )
        }
        #expect(rebuilt.count == memory.count)
        #expect(rebuilt.recordBytes == memory.recordBytes)
        // Drafting the last mention again with the rebuilt memory gives the same draft.
        let last = try #require(messages.last { $0.partition == 0 && $0.offset > 100 })
        guard case .drafted(let again, _) = drafter.draft(last, memory: rebuilt, at: now),
            case .drafted(let before, _) = drafter.draft(last, memory: memory, at: now)
        else {
            Issue.record("not drafted")
            return
        }
        #expect(again == before)
    }

    /// One partition, from offset 1,000; Jane writes 14 times among 40 mentions: more contacts than a
    /// conversation keeps.
    private func janeWritesOften() -> [KafkaMessage] {
        (0..<40).map { index in
            let author = index % 3 == 0 ? "jane" : "customer-\(index)"
            let value = mention(index, author: author, minute: index, text: "still no parcel, day \(index)")
            return KafkaMessage(
                topic: "mentions", partition: 0, offset: Int64(1_000 + index), key: nil, value: value[...])
        }
    }

    @Test("a partition read again from an earlier offset is forgotten and rebuilt up to there: the first drafts again")
    func rewoundPartition() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let drafter = BatchDrafter(responder: responder, concurrency: 2, minimumChunk: 4)
        let messages = janeWritesOften()
        let reference = try oneByOne(messages, responder: responder)
        let memory = SharedConversationMemory(settings: ConversationMemory.Settings())
        memory.follow([0: 1])
        var changelog: [(key: String, record: [UInt8])] = []
        // As the service does for each batch: rewinds, the rebuild of what is pending, then drafting.
        func draft(_ batch: ArraySlice<KafkaMessage>, rebuild: Bool = true) async -> ([Int32: Int64], [String]) {
            let offsets = SharedConversationMemory.offsets(of: Array(batch))
            let rewound = rebuild ? memory.rewind(offsets) : [:]
            if let start = offsets[0]?.lowerBound, memory.pending[0] != nil {
                for entry in changelog {
                    _ = memory.restore(
                        entry.record, conversation: StableHash.hash(entry.key), partition: 0, before: start)
                }
                memory.markRebuilt(0)
            }
            memory.drafting(offsets)
            let drafted = await drafter.draft(Array(batch), remembering: memory, at: now)
            var drafts: [String] = []
            for (outcome, record) in zip(drafted.outcomes, drafted.records) {
                guard case .drafted(let draft, let remembered?)? = outcome, let record else { continue }
                drafts.append(String(decoding: draft, as: UTF8.self))
                changelog.append((remembered.key, record))
            }
            return (rewound, drafts)
        }
        #expect(await draft(messages[0..<30]) == ([:], Array(reference[0..<30])))
        #expect(await draft(messages[30..<40]) == ([:], Array(reference[30..<40])))
        // Read again from the 20th: Jane's contacts from the 21st on, drafted already, would crowd out the
        // ones before it.
        #expect(await draft(messages[20..<40]) == ([0: 1_020], Array(reference[20..<40])))
        #expect(memory.rebuilt[0] == 1 && memory.drafted[0] == 1_040)
        // Without the rebuild, the drafts read again differ.
        #expect(await draft(messages[20..<40], rebuild: false).1 != Array(reference[20..<40]))
    }

    @Test("after a crash, a memory rebuilt up to where drafting resumes gives the first drafts again, byte for byte")
    func replayAfterACrash() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        let drafter = BatchDrafter(responder: responder, concurrency: 2, minimumChunk: 4)
        let messages = janeWritesOften()
        // The first instance drafts everything and writes every record, in batches of 8.
        let first = SharedConversationMemory(settings: ConversationMemory.Settings())
        var drafts: [String] = []
        var changelog: [(key: String, record: [UInt8])] = []
        for start in stride(from: 0, to: messages.count, by: 8) {
            let batch = Array(messages[start..<start + 8])
            let drafted = await drafter.draft(batch, remembering: first, at: now)
            for index in batch.indices {
                guard case .drafted(let draft, let remembered?)? = drafted.outcomes[index],
                    let record = drafted.records[index]
                else { continue }
                drafts.append(String(decoding: draft, as: UTF8.self))
                changelog.append((remembered.key, record))
            }
        }
        // It crashed with its offsets committed up to the 22nd mention: the next owner resumes there, with
        // a changelog that already holds the records of every later mention.
        let resume = 22
        func replay(before position: Int64) async -> [String] {
            let second = SharedConversationMemory(settings: ConversationMemory.Settings())
            second.follow([0: 1])
            for entry in changelog {
                _ = second.restore(
                    entry.record, conversation: StableHash.hash(entry.key), partition: 0, before: position)
            }
            second.markRebuilt(0)
            let drafted = await drafter.draft(Array(messages[resume...]), remembering: second, at: now)
            return drafted.outcomes.compactMap { outcome in
                guard case .drafted(let draft, _)? = outcome else { return nil }
                return String(decoding: draft, as: UTF8.self)
            }
        }
        #expect(await replay(before: messages[resume].offset) == Array(drafts[resume...]))
        // Restored whole, the later contacts push older ones out of the budget of five, and Jane's replayed
        // drafts would name fewer earlier contacts than the first time.
        #expect(await replay(before: .max) != Array(drafts[resume...]))
    }

    @Test("a first contact's record, written straight from it, is the record of that one contact")
    func firstContactRecord() throws {
        var memory = ConversationMemory()
        let long = String(repeating: "é", count: 200)
        let contact = ConversationContact(
            mentionId: "m-\(long)", position: 1 << 40, at: Timestamp(millisecondsSinceEpoch: -5), intent: .question,
            topics: ["delivery", long], facts: [], agent: "agent-7")
        let record = memory.remember(contact, conversation: 42, partition: 3)
        #expect(record == ConversationRecord.bytes(of: [contact]))
        let read = try #require(ConversationRecord.contacts(in: record))
        #expect(read.count == 1 && read[0].position == contact.position && read[0].at == contact.at)
        #expect(read[0].mentionId.utf8.count <= 255 && contact.mentionId.hasPrefix(read[0].mentionId))
        #expect(memory.count == 1 && memory.recordBytes == record.count)
        // The second contact goes the general way and keeps the first.
        var second = contact
        second.position += 1
        second.at = Timestamp(millisecondsSinceEpoch: 10)
        let both = memory.remember(second, conversation: 42, partition: 3)
        #expect(ConversationRecord.contacts(in: both)?.map(\.position) == [contact.position, second.position])
        #expect(memory.count == 1)
        #expect(
            memory.earlierContacts(conversation: 42, partition: 3, before: .max, at: second.at).map(\.position)
                == [second.position, contact.position])
    }
}

@Suite("The memory's record of a conversation, contact after contact")
struct ConversationRecordTests {
    @Test("contacts appended one after another keep the newest within the window, as merging them does")
    func appending() throws {
        var generator = SystemRandomNumberGenerator()
        let settings = ConversationMemory.Settings(contacts: 3, windowSeconds: 3_600)
        for round in 0..<50 {
            var memory = ConversationMemory(settings: settings)
            var kept: [ConversationContact] = []
            var position = Int64.random(in: 0..<1_000, using: &generator)
            var time: Int64 = 1_795_000_000_000
            for index in 0..<12 {
                position += Int64.random(in: 1...50, using: &generator)
                // Mostly forwards in time, sometimes far (outside the window), sometimes back (clocks differ).
                time += Int64.random(in: -600_000...4_000_000, using: &generator)
                let contact = ConversationContact(
                    mentionId: "m-\(round)-\(index)", position: position, at: Timestamp(millisecondsSinceEpoch: time),
                    intent: Intent.allCases[index % Intent.allCases.count], topics: index % 2 == 0 ? ["delivery"] : [],
                    facts: [], agent: index % 3 == 0 ? nil : "agent-\(index)")
                let record = memory.remember(contact, conversation: 7, partition: 0)
                // What merging the contact into those kept gives: within the window before the newest, the
                // last three.
                kept = Array((kept + [contact]).filter { $0.at.millisecondsSinceEpoch >= time - 3_600_000 }.suffix(3))
                #expect(record == ConversationRecord.bytes(of: kept), "round \(round), contact \(index)")
                var restored = ConversationMemory(settings: settings)
                let readable = restored.restore(record, conversation: 7, partition: 0)
                #expect(readable && restored.recordBytes == record.count)
            }
            #expect(memory.count == 1)
        }
    }
}

@Suite("The memory is changed in place between batches", .timeLimit(.minutes(2)))
struct MemoryCopyTests {
    private let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)

    /// A batch of `count` first contacts, spread over 16 partitions, from authors named after `round`.
    private func batch(_ round: Int, count: Int) -> [KafkaMessage] {
        (0..<count).map { index in
            let json =
                #"{"schema":"courtesy.mention/v1","id":"m-\#(round)-\#(index)","platform":"x","brand":"acme","#
                + #""author":{"id":"a-\#(round)-\#(index)","handle":"a","displayName":"Jane Doe"},"#
                + #""text":"my parcel is late","createdAt":"2026-11-23T10:00:00Z"}"#
            return KafkaMessage(
                topic: "mentions", partition: Int32(index % 16), offset: Int64(round * count + index), key: nil,
                value: Array(json.utf8)[...])
        }
    }

    /// The shortest time to draft and remember a batch, over `rounds` batches: what the work costs when
    /// nothing else runs, whatever the other tests running at the same time take.
    private func shortest(
        _ drafter: BatchDrafter, _ memory: SharedConversationMemory, rounds: Range<Int>, holding copy: Bool
    ) async -> Duration {
        var times: [Duration] = []
        for round in rounds {
            let messages = batch(round, count: 16)
            // A copy of the memory kept while the batch is remembered, as a drafting task that held on to its
            // copy would: every table it shares must then be copied before it is changed.
            let kept = copy ? memory.memory : nil
            let start = ContinuousClock.now
            _ = await drafter.draft(messages, remembering: memory, at: now)
            times.append(ContinuousClock.now - start)
            withExtendedLifetime(kept) {}
        }
        return times.min() ?? .zero
    }

    @Test("a batch costs the same with 300,000 conversations remembered as with none; a copy kept would not")
    func noCopyPerBatch() async throws {
        let responder = try Responder(configuration: ResponderConfiguration())
        // On the calling task: what is measured is the work, not how soon other tests let a task run.
        let drafter = BatchDrafter(responder: responder, concurrency: 1)
        let settings = ConversationMemory.Settings(conversations: 10_000_000)
        let empty = SharedConversationMemory(settings: settings)
        let full = SharedConversationMemory(settings: settings)
        let contact = ConversationContact(
            mentionId: "m-0", position: 0, at: now, intent: .complaint, topics: ["delivery"], facts: [],
            agent: nil)
        for conversation in 0..<300_000 {
            _ = full.remember(
                BatchDrafter.Remembered(
                    conversation: UInt64(conversation) &* 0x9E37_79B9_7F4A_7C15, key: "x:\(conversation)",
                    contact: contact, previousContacts: 0),
                partition: Int32(conversation % 16))
        }
        let withNone = await shortest(drafter, empty, rounds: 1..<16, holding: false)
        let withMany = await shortest(drafter, full, rounds: 16..<31, holding: false)
        let withCopy = await shortest(drafter, full, rounds: 31..<46, holding: true)
        #expect(full.count == 300_000 + 30 * 16)
        #expect(withMany < withNone * 4 + .milliseconds(2), "\(withMany) with 300,000 against \(withNone) with none")
        #expect(withCopy > withMany * 4, "the measure tells a copy apart: \(withCopy) against \(withMany)")
    }
}
