import CourtesyCore
import CourtesyKafka

/// Where the desk reads and writes, and how long it waits.
package struct DeskServiceConfiguration: Sendable, Equatable {
    /// Drafts to queue.
    package var draftsTopic: String
    /// The decision log: read on start to rebuild the queue, written on every decision.
    package var decisionsTopic: String
    /// Approved replies, for delivery; read back so that each is published once.
    package var repliesTopic: String
    /// What `courtesy publish` recorded of each approved reply, read so that `show` says "posted".
    package var publicationsTopic: String
    /// The group id librdkafka's consumer API needs; the desk never joins or commits to it.
    package var readerGroupID: String
    /// How long an API request waits for the broker to acknowledge a decision or reply.
    package var deliveryTimeout: Duration
    /// An approval whose reply has not been read back this long after the decision gets its reply
    /// published again; longer than ``deliveryTimeout`` so that a reply still on its way is not doubled.
    package var replyRecoveryDelay: Duration
    /// Approvals older than this never get their reply published again: the replies topic may no
    /// longer hold a reply that was published long ago.
    package var replyRecoveryWindow: Duration
    /// How often overdue drafts are counted and owed replies looked for.
    package var housekeepingInterval: Duration
    /// The account each brand replies from, for drafts whose brand profile names none.
    package var accounts: ReplyAccounts

    package init(
        draftsTopic: String = "courtesy.drafts",
        decisionsTopic: String = "courtesy.decisions",
        repliesTopic: String = "courtesy.replies",
        publicationsTopic: String = "courtesy.publications",
        readerGroupID: String = "courtesy-desk",
        deliveryTimeout: Duration = .seconds(15),
        replyRecoveryDelay: Duration = .seconds(30),
        replyRecoveryWindow: Duration = .seconds(24 * 3600),
        housekeepingInterval: Duration = .seconds(5),
        accounts: ReplyAccounts = ReplyAccounts()
    ) {
        self.draftsTopic = draftsTopic
        self.decisionsTopic = decisionsTopic
        self.repliesTopic = repliesTopic
        self.publicationsTopic = publicationsTopic
        self.readerGroupID = readerGroupID
        self.deliveryTimeout = deliveryTimeout
        self.replyRecoveryDelay = replyRecoveryDelay
        self.replyRecoveryWindow = replyRecoveryWindow
        self.housekeepingInterval = housekeepingInterval
        self.accounts = accounts
    }

    /// The reader of the four topics, on `kafka`.
    package func reader(_ kafka: KafkaConfiguration) -> KafkaTopicReaderConfiguration {
        KafkaTopicReaderConfiguration(
            kafka: kafka, topics: [draftsTopic, decisionsTopic, repliesTopic, publicationsTopic],
            groupID: readerGroupID)
    }

    /// The producer of decisions and replies, on `kafka`.
    package func producer(_ kafka: KafkaConfiguration) -> KafkaProducerConfiguration {
        KafkaProducerConfiguration(kafka: kafka, linger: .milliseconds(1), deliveryTimeout: deliveryTimeout)
    }
}
