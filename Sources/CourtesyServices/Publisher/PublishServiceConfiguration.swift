import CourtesyKafka
import Foundation

/// Where the publisher reads and writes, where it posts, and how hard it may push each platform.
package struct PublishServiceConfiguration: Sendable {
    /// Approved replies, keyed by conversation.
    package var repliesTopic: String
    /// What became of each reply, keyed by reply id.
    package var publicationsTopic: String
    /// Replies a receiver refused for good, with headers saying why.
    package var deadLetterTopic: String
    /// The consumer group publisher instances share.
    package var groupID: String
    /// Which webhook each reply goes to.
    package var routes: WebhookRoutes
    /// The shared secret posts are signed with; `nil` sends them unsigned (and says so at start-up).
    package var secret: [UInt8]?
    /// How long one post may take, connection included.
    package var requestTimeout: Duration
    /// How many posts may be in progress at once on each platform.
    package var concurrencyPerPlatform: Int
    /// How many posts a second each platform may receive, in bursts of up to as many; 0 is no limit.
    package var ratePerPlatform: Double
    /// How many replies may be taken from the topic and not yet settled; reading waits past it.
    package var maxInFlight: Int
    /// How long to wait before trying a reply again.
    package var backoff: PublishBackoff
    /// How long the group waits for a silent instance before moving its partitions.
    package var sessionTimeout: Duration
    /// On shutdown, how long replies being posted may take to settle.
    package var drainTimeout: Duration

    package init(
        repliesTopic: String = "courtesy.replies",
        publicationsTopic: String = "courtesy.publications",
        deadLetterTopic: String = "courtesy.replies.dlq",
        groupID: String = "courtesy-publisher",
        routes: WebhookRoutes,
        secret: [UInt8]? = nil,
        requestTimeout: Duration = .seconds(10),
        concurrencyPerPlatform: Int = 4,
        ratePerPlatform: Double = 0,
        maxInFlight: Int = 1_000,
        backoff: PublishBackoff = PublishBackoff(),
        sessionTimeout: Duration = .seconds(45),
        drainTimeout: Duration = .seconds(10)
    ) {
        self.repliesTopic = repliesTopic
        self.publicationsTopic = publicationsTopic
        self.deadLetterTopic = deadLetterTopic
        self.groupID = groupID
        self.routes = routes
        self.secret = secret
        self.requestTimeout = requestTimeout
        self.concurrencyPerPlatform = concurrencyPerPlatform
        self.ratePerPlatform = ratePerPlatform
        self.maxInFlight = maxInFlight
        self.backoff = backoff
        self.sessionTimeout = sessionTimeout
        self.drainTimeout = drainTimeout
    }

    /// The consumer of replies this configuration asks for, on `kafka`: small batches, since each reply is
    /// an HTTP request.
    package func consumer(_ kafka: KafkaConfiguration) -> KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(
            kafka: kafka, groupID: groupID, topics: [repliesTopic], sessionTimeout: sessionTimeout,
            maxBufferedMessages: max(100, maxInFlight), maxBatchSize: 100, drainTimeout: drainTimeout,
            prefetchMessages: 10_000, prefetchKilobytes: 16_384)
    }
}
