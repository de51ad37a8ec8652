import CourtesyCore
import CourtesyKafka
import Foundation

/// Where the responder reads and writes, and how it joins its group.
package struct ResponderServiceConfiguration: Sendable, Equatable {
    /// Mention events to draft replies for.
    package var mentionsTopic: String
    /// Where drafts go, keyed like the mention (by conversation).
    package var draftsTopic: String
    /// Where mentions that cannot be drafted go, with headers saying why and where from.
    package var deadLetterTopic: String
    /// The compacted changelog of the memory of conversations, co-partitioned with ``mentionsTopic``: each
    /// drafted mention's conversation record goes to the mention's partition, keyed by conversation.
    package var conversationsTopic: String
    /// How much of earlier contacts each conversation's drafts consider; `contacts` 0 turns the memory off,
    /// and the responder then writes one output per mention and reads no changelog.
    package var memory: ConversationMemory.Settings
    /// The consumer group responder instances share.
    package var groupID: String
    /// How long the group waits for a silent instance before moving its partitions.
    package var sessionTimeout: Duration
    /// On shutdown, how long in-flight mentions may take to be drafted and acknowledged.
    package var drainTimeout: Duration
    /// How many tasks draft one batch of mentions at once; a batch too small to be worth splitting is
    /// drafted by one. The default is one per processor this process may use.
    package var draftingTasks: Int
    /// librdkafka's prefetch cap, in KiB (`queued.max.messages.kbytes`). Less than the adapter's default: the
    /// responder drafts 100,000 mentions a second at 32 MiB and gains nothing from more, which only
    /// costs memory while a backlog is read (see docs/performance.md).
    package var prefetchKilobytes: Int
    /// The most drafts and dead letters waiting for the broker's acknowledgement; producing waits past it.
    package var maxQueuedOutputs: Int
    /// The largest dead letter, key, value and headers together, in bytes. A mention that would not fit
    /// is dead-lettered summarised: its first 4 KiB, its size and its SHA-256. The producer's
    /// `message.max.bytes`, when lower, is the limit instead. Set it to the dead-letter topic's
    /// `max.message.bytes` when that is lower still; a dead letter the broker refuses as too large is
    /// summarised and sent again all the same.
    package var deadLetterMaxBytes: Int

    package init(
        mentionsTopic: String = "courtesy.mentions",
        draftsTopic: String = "courtesy.drafts",
        deadLetterTopic: String = "courtesy.mentions.dlq",
        conversationsTopic: String = "courtesy.conversations",
        memory: ConversationMemory.Settings = ConversationMemory.Settings(),
        groupID: String = "courtesy-responder",
        sessionTimeout: Duration = .seconds(45),
        drainTimeout: Duration = .seconds(5),
        draftingTasks: Int = ProcessInfo.processInfo.activeProcessorCount,
        prefetchKilobytes: Int = 32_768,
        maxQueuedOutputs: Int = 20_000,
        deadLetterMaxBytes: Int = ResponderServiceConfiguration.producerMessageMaxBytes
    ) {
        self.mentionsTopic = mentionsTopic
        self.draftsTopic = draftsTopic
        self.deadLetterTopic = deadLetterTopic
        self.conversationsTopic = conversationsTopic
        self.memory = memory
        self.groupID = groupID
        self.sessionTimeout = sessionTimeout
        self.drainTimeout = drainTimeout
        self.draftingTasks = draftingTasks
        self.prefetchKilobytes = prefetchKilobytes
        self.maxQueuedOutputs = maxQueuedOutputs
        self.deadLetterMaxBytes = deadLetterMaxBytes
    }

    /// Whether drafts consider earlier contacts, remembered on ``conversationsTopic``.
    package var remembersConversations: Bool { memory.contacts > 0 }

    /// librdkafka's default `message.max.bytes`: the largest message its producer sends.
    package static let producerMessageMaxBytes = 1_000_000

    /// The largest dead letter the responder sends on `kafka`: ``deadLetterMaxBytes``, or the producer's
    /// `message.max.bytes` when that is lower.
    package func deadLetterLimit(_ kafka: KafkaConfiguration) -> Int {
        let producerLimit = kafka.properties["message.max.bytes"].flatMap { Int($0) } ?? Self.producerMessageMaxBytes
        return min(deadLetterMaxBytes, producerLimit)
    }

    /// The consumer this configuration asks for, on `kafka`.
    package func consumer(_ kafka: KafkaConfiguration) -> KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(
            kafka: kafka,
            groupID: groupID,
            topics: [mentionsTopic],
            sessionTimeout: sessionTimeout,
            drainTimeout: drainTimeout,
            prefetchKilobytes: prefetchKilobytes
        )
    }

    /// The producer of drafts and dead letters this configuration asks for, on `kafka`.
    package func producer(_ kafka: KafkaConfiguration) -> KafkaProducerConfiguration {
        KafkaProducerConfiguration(kafka: kafka, maxQueuedMessages: maxQueuedOutputs)
    }
}
