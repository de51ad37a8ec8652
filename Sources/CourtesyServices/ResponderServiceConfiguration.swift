import CourtesyKafka

/// Where the responder reads and writes, and how it joins its group.
public struct ResponderServiceConfiguration: Sendable, Equatable {
    /// Mention events to draft replies for.
    public var mentionsTopic: String
    /// Where drafts go, keyed like the mention (by conversation).
    public var draftsTopic: String
    /// Where mentions that cannot be drafted go, with headers saying why and where from.
    public var deadLetterTopic: String
    /// The consumer group responder instances share.
    public var groupID: String
    /// How long the group waits for a silent instance before moving its partitions.
    public var sessionTimeout: Duration
    /// On shutdown, how long in-flight mentions may take to be drafted and acknowledged.
    public var drainTimeout: Duration

    public init(
        mentionsTopic: String = "courtesy.mentions",
        draftsTopic: String = "courtesy.drafts",
        deadLetterTopic: String = "courtesy.mentions.dlq",
        groupID: String = "courtesy-responder",
        sessionTimeout: Duration = .seconds(45),
        drainTimeout: Duration = .seconds(5)
    ) {
        self.mentionsTopic = mentionsTopic
        self.draftsTopic = draftsTopic
        self.deadLetterTopic = deadLetterTopic
        self.groupID = groupID
        self.sessionTimeout = sessionTimeout
        self.drainTimeout = drainTimeout
    }

    /// The consumer this configuration asks for, on `kafka`.
    public func consumer(_ kafka: KafkaConfiguration) -> KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(
            kafka: kafka,
            groupID: groupID,
            topics: [mentionsTopic],
            sessionTimeout: sessionTimeout,
            drainTimeout: drainTimeout
        )
    }
}
