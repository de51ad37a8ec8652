import AsyncHTTPClient
import CourtesyCore
import CourtesyKafka
import CourtesyLocking
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// The last mile: posts each approved reply to a webhook, and records what became of it.
///
/// A consumer group on the replies topic. Each reply is POSTed as it was approved (the `courtesy.reply/v1`
/// event) with `Idempotency-Key: <reply id>` and, given a secret, an HMAC-SHA256 signature. A 2xx answer
/// is recorded on the publications topic; 5xx, 408, 429 (after its `Retry-After`), timeouts and connection
/// errors are tried again with exponential backoff and jitter; any other answer sends the reply to the
/// dead-letter topic with the status and the reason, and records it as failed. A reply's offset is
/// acknowledged only once its outcome is recorded, so a crash loses nothing: the next owner of the
/// partition posts what was not recorded again, with the same key.
///
/// A conversation's replies are posted one after another, in order; a conversation being retried holds up
/// only itself. Each platform has its own limit on concurrent posts and, when set, on posts a second.
package final class PublishService: Service {
    private let kafka: KafkaConfiguration
    private let configuration: PublishServiceConfiguration
    private let logger: Logger
    private let client: HTTPClient
    private let signature: WebhookSignature?
    private let running = Locked<Running?>(nil)
    private let stopping = Atomic<Bool>(false)

    private struct Running {
        let consumer: KafkaConsumer
        let producer: KafkaProducer
        /// Replies read and not yet settled; closed on stop, so that a reader waiting for room stops too.
        let inFlight: PermitPool
    }

    /// The publisher; `client` makes the posts (by default the process's shared client).
    package init(
        kafka: KafkaConfiguration, configuration: PublishServiceConfiguration, logger: Logger,
        client: HTTPClient = .shared
    ) throws(PublishConfigurationError) {
        guard !configuration.routes.isEmpty else {
            throw PublishConfigurationError("no webhook: give --webhook URL or --webhooks FILE")
        }
        guard configuration.concurrencyPerPlatform > 0, configuration.maxInFlight > 0 else {
            throw PublishConfigurationError("the concurrency and the replies in flight must be at least 1")
        }
        self.kafka = kafka
        self.configuration = configuration
        self.logger = logger
        self.client = client
        signature = try configuration.secret.map { secret throws(PublishConfigurationError) in
            try WebhookSignature(secret: secret)
        }
    }

    /// The fatal error the publisher's consumer or producer raised, if any: ``run()`` then stops with it.
    package var failure: KafkaError? {
        guard let running = running.withLock({ $0 }) else { return nil }
        return running.producer.fatal ?? running.consumer.fatal
    }

    /// Why the publisher is not ready, or `nil` when it is: started, no fatal error, the cluster answers,
    /// and the replies topic exists.
    package func notReady() async -> String? {
        guard let running = running.withLock({ $0 }) else { return "starting" }
        if let failure { return "failing: \(failure)" }
        let missing = running.consumer.missingTopics
        if !missing.isEmpty { return "waiting for topic \(missing.sorted().joined(separator: ", ")) to exist" }
        guard (try? await running.producer.metadata(timeout: .seconds(2))) != nil else {
            return "the Kafka cluster does not answer"
        }
        return nil
    }

    /// Stops taking replies; ``run()`` returns once those being posted have settled or the drain timeout
    /// has passed.
    package func stop() {
        stopping.store(true, ordering: .releasing)
        guard let running = running.withLock({ $0 }) else { return }
        running.consumer.triggerShutdown()
        running.inFlight.close()
    }

    package func run() async throws {
        let metrics = PublisherMetrics()
        let consumer = try KafkaConsumer(configuration: configuration.consumer(kafka), logger: logger)
        let producer: KafkaProducer
        do {
            producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        } catch {
            await consumer.shutdown()
            throw error
        }
        let inFlight = PermitPool(permits: configuration.maxInFlight)
        running.withLock { $0 = Running(consumer: consumer, producer: producer, inFlight: inFlight) }
        if stopping.load(ordering: .acquiring) {
            consumer.triggerShutdown()
            inFlight.close()
        }
        if signature == nil {
            logger.warning("no --secret-file: posts are not signed, so a receiver cannot tell them from forgeries")
        }
        logger.info(
            "publisher started",
            metadata: [
                "replies": "\(configuration.repliesTopic)", "publications": "\(configuration.publicationsTopic)",
                "deadLetters": "\(configuration.deadLetterTopic)", "group": "\(configuration.groupID)",
                "concurrency": "\(configuration.concurrencyPerPlatform) per platform",
                "rate": configuration.ratePerPlatform > 0
                    ? "\(configuration.ratePerPlatform)/s per platform" : "unlimited",
            ])
        let posting = Posting(
            configuration: configuration, client: client, signature: signature, producer: producer,
            consumer: consumer, metrics: metrics, logger: logger)
        let lanes = ConversationLanes()
        let maxInFlight = configuration.maxInFlight
        do {
            try await withGracefulShutdownHandler {
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask {
                        if let fatal = await producer.waitForFatal() { throw fatal }
                    }
                    for try await batch in consumer.batches {
                        metrics.consumed.increment(by: batch.count)
                        for message in batch {
                            guard await inFlight.acquire() else { break }
                            metrics.inFlight.record(maxInFlight - inFlight.available)
                            let conversation = message.key.map { String(decoding: $0, as: UTF8.self) } ?? ""
                            guard lanes.add(message, conversation: conversation) else { continue }
                            group.addTask {
                                while let next = lanes.next(of: conversation) {
                                    await posting.settle(next)
                                    inFlight.release()
                                    metrics.inFlight.record(maxInFlight - inFlight.available)
                                    if Task.isCancelled { return }
                                }
                            }
                        }
                    }
                    // Reading has ended: what is still being posted is left to the partitions' next owner.
                    if let fatal = producer.fatal ?? consumer.fatal { throw fatal }
                    throw CancellationError()
                }
            } onGracefulShutdown: {
                self.stop()
            }
        } catch is CancellationError {
            // The fatal-error watch and unsettled posts end by cancellation once reading has stopped.
        } catch {
            logger.error("publisher stopping on error", metadata: ["error": "\(error)"])
            if producer.fatal != nil { consumer.abandon() } else { consumer.triggerShutdown() }
            await consumer.shutdown()
            await producer.shutdown()
            throw error
        }
        await consumer.shutdown()
        await producer.shutdown()
        logger.info("publisher stopped")
    }
}

/// Posting one reply until it settles, and recording the outcome before acknowledging it.
private struct Posting: Sendable {
    let configuration: PublishServiceConfiguration
    let client: HTTPClient
    let signature: WebhookSignature?
    let producer: KafkaProducer
    let consumer: KafkaConsumer
    let metrics: PublisherMetrics
    let logger: Logger
    let limits: PlatformLimits

    init(
        configuration: PublishServiceConfiguration, client: HTTPClient, signature: WebhookSignature?,
        producer: KafkaProducer, consumer: KafkaConsumer, metrics: PublisherMetrics, logger: Logger
    ) {
        self.configuration = configuration
        self.client = client
        self.signature = signature
        self.producer = producer
        self.consumer = consumer
        self.metrics = metrics
        self.logger = logger
        limits = PlatformLimits(
            concurrency: configuration.concurrencyPerPlatform, rate: configuration.ratePerPlatform)
    }

    /// Posts `message`'s reply until a receiver accepts or refuses it, records the outcome, and
    /// acknowledges the message; returns early, acknowledging nothing, when the task is cancelled.
    func settle(_ message: KafkaMessage) async {
        let reply: Reply
        do {
            reply = try Reply(json: Array(message.value))
        } catch {
            logger.error(
                "a reply cannot be read; sending it to the dead letters",
                metadata: ["at": "\(message.topic)[\(message.partition)]@\(message.offset)", "error": "\(error)"])
            await refuse(message, reply: nil, status: nil, reason: "unreadable", detail: "\(error)", attempts: 0)
            return
        }
        guard let url = configuration.routes.webhook(brand: reply.brand, platform: reply.platform) else {
            logger.error(
                "no webhook takes this reply; sending it to the dead letters",
                metadata: ["reply": "\(reply.id)", "platform": "\(reply.platform.rawValue)"])
            await refuse(
                message, reply: reply, status: nil, reason: "no-webhook",
                detail: "no webhook for \(reply.platform.rawValue) replies of \(reply.brand ?? "an unnamed brand")",
                attempts: 0)
            return
        }
        let body = Array(message.value)
        var attempt = 0
        while !Task.isCancelled {
            attempt += 1
            guard let answer = await post(body, reply: reply, to: url, attempt: attempt) else { return }
            switch answer {
            case .posted(let status, let postId):
                let publication = Publication(
                    replyId: reply.id, platform: reply.platform, conversation: reply.conversation, brand: reply.brand,
                    outcome: .posted, status: status, postId: postId, reason: nil, attempts: attempt,
                    approvedAt: reply.approvedAt, at: .now())
                guard await record(publication, message: message) else { return }
                metrics.posted(on: reply.platform)
                let waited = Timestamp.now().millisecondsSinceEpoch - reply.approvedAt.millisecondsSinceEpoch
                metrics.approvalToPost(on: reply.platform, nanoseconds: max(0, waited) * 1_000_000)
                return
            case .refused(let status, let reason):
                logger.error(
                    "the receiver refused a reply; sending it to the dead letters",
                    metadata: ["reply": "\(reply.id)", "status": "\(status)", "reason": "\(reason)"])
                await refuse(
                    message, reply: reply, status: status, reason: "refused", detail: reason, attempts: attempt)
                return
            case .retry(let status, let reason, let after):
                metrics.retried(on: reply.platform)
                let delay = configuration.backoff.delay(
                    afterAttempt: attempt, retryAfter: after, random: Double.random(in: 0...1))
                if attempt == 1 || attempt.isMultiple(of: 10) {
                    logger.warning(
                        "a post failed; trying again",
                        metadata: [
                            "reply": "\(reply.id)", "attempt": "\(attempt)", "reason": "\(reason)",
                            "status": "\(status.map(String.init) ?? "none")", "in": "\(delay)",
                        ])
                }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    return
                }
            }
        }
    }

    /// One POST; `nil` when the task was cancelled first.
    private func post(_ body: [UInt8], reply: Reply, to url: URL, attempt: Int) async -> WebhookAnswer? {
        guard await limits.enter(reply.platform) else { return nil }
        defer { limits.leave(reply.platform) }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "courtesy-publish")
        request.headers.add(name: WebhookSignature.idempotencyHeader, value: reply.id)
        request.headers.add(name: "Courtesy-Attempt", value: String(attempt))
        if let signature {
            request.headers.add(name: WebhookSignature.header, value: signature.value(for: body))
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let started = ContinuousClock.now
        defer { metrics.postDuration(on: reply.platform, ContinuousClock.now - started) }
        do {
            let timeout = TimeAmount.nanoseconds(
                configuration.requestTimeout.components.seconds * 1_000_000_000
                    + configuration.requestTimeout.components.attoseconds / 1_000_000_000)
            let response = try await client.execute(request, timeout: timeout)
            let answer = try? await response.body.collect(upTo: 65_536)
            return WebhookAnswer.classify(
                status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"),
                body: answer.map { Array(buffer: $0) } ?? [])
        } catch {
            if Task.isCancelled { return nil }
            return .retry(status: nil, reason: Self.describe(error), after: nil)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout { return "timeout" }
            return "\(error)"
        }
        return "\(error)"
    }

    /// Sends a reply that cannot be posted to the dead letters, and records it as failed when it could be
    /// read; acknowledges the message once both are written.
    private func refuse(
        _ message: KafkaMessage, reply: Reply?, status: Int?, reason: String, detail: String, attempts: Int
    ) async {
        var headers = [
            KafkaHeader(key: DeadLetterHeader.reason, value: reason),
            KafkaHeader(key: DeadLetterHeader.message, value: String(detail.prefix(1_000))),
            KafkaHeader(key: DeadLetterHeader.sourceTopic, value: message.topic),
            KafkaHeader(key: DeadLetterHeader.sourcePartition, value: String(message.partition)),
            KafkaHeader(key: DeadLetterHeader.sourceOffset, value: String(message.offset)),
            KafkaHeader(key: DeadLetterHeader.service, value: "publisher"),
        ]
        if let status { headers.append(KafkaHeader(key: DeadLetterHeader.httpStatus, value: String(status))) }
        let letter = KafkaProducerMessage(
            topic: configuration.deadLetterTopic, key: message.key.map(Array.init), value: Array(message.value),
            headers: headers)
        guard await write(letter) else { return }
        if let reply {
            let publication = Publication(
                replyId: reply.id, platform: reply.platform, conversation: reply.conversation, brand: reply.brand,
                outcome: .failed, status: status ?? 0, postId: nil, reason: String(detail.prefix(500)),
                attempts: attempts, approvedAt: reply.approvedAt, at: .now())
            guard await record(publication, message: message) else { return }
        } else {
            consumer.acknowledge(message)
        }
        metrics.failed(on: reply?.platform, reason: reason)
    }

    /// Writes `publication`, then acknowledges `message`; `false` when the task was cancelled first.
    private func record(_ publication: Publication, message: KafkaMessage) async -> Bool {
        let written = await write(
            KafkaProducerMessage(
                topic: configuration.publicationsTopic, key: Array(publication.replyId.utf8),
                value: publication.jsonBytes()))
        if written { consumer.acknowledge(message) }
        return written
    }

    /// Writes `message` until the broker acknowledges it; `false` when the task was cancelled or the
    /// producer failed for good first.
    private func write(_ message: KafkaProducerMessage) async -> Bool {
        var attempt = 0
        while !Task.isCancelled, producer.fatal == nil {
            attempt += 1
            do {
                try await producer.sendAndAwait(message)
                return true
            } catch {
                logger.error(
                    "could not write to Kafka; trying again",
                    metadata: ["topic": "\(message.topic)", "attempt": "\(attempt)", "error": "\(error)"])
                let delay = configuration.backoff.delay(afterAttempt: attempt, random: Double.random(in: 0...1))
                do { try await Task.sleep(for: delay) } catch { return false }
            }
        }
        return false
    }
}

/// Each platform's own limits: how many posts at once, and how many a second.
private final class PlatformLimits: Sendable {
    private let pools: [Platform: PermitPool]
    private let buckets: [Platform: Locked<TokenBucket>]

    init(concurrency: Int, rate: Double) {
        pools = Dictionary(uniqueKeysWithValues: Platform.allCases.map { ($0, PermitPool(permits: concurrency)) })
        let now = ContinuousClock.now
        buckets =
            rate > 0
            ? Dictionary(
                uniqueKeysWithValues: Platform.allCases.map {
                    ($0, Locked(TokenBucket(rate: rate, burst: max(1, rate), now: now)))
                })
            : [:]
    }

    /// Waits for a free slot and, with a rate, a token; `false` when cancelled first.
    func enter(_ platform: Platform) async -> Bool {
        guard let pool = pools[platform], await pool.acquire() else { return false }
        guard let bucket = buckets[platform] else { return true }
        while let wait = bucket.withLock({ $0.take(at: .now) }) {
            do {
                try await Task.sleep(for: wait)
            } catch {
                pool.release()
                return false
            }
        }
        return true
    }

    func leave(_ platform: Platform) {
        pools[platform]?.release()
    }
}

/// The publisher's metrics (see ``ServiceMetricName`` and docs/metrics.md).
final class PublisherMetrics: Sendable {
    let consumed = Counter(label: ServiceMetricName.publisherRepliesConsumed)
    let inFlight = Gauge(label: ServiceMetricName.publisherInFlight)
    private let postedCounters = PublisherMetrics.byPlatform {
        Counter(label: ServiceMetricName.publisherPosted, dimensions: $0)
    }
    private let retryCounters = PublisherMetrics.byPlatform {
        Counter(label: ServiceMetricName.publisherRetries, dimensions: $0)
    }
    private let durations = PublisherMetrics.byPlatform {
        Timer(label: ServiceMetricName.publisherPostDuration, dimensions: $0)
    }
    private let approvalToPostTimers = PublisherMetrics.byPlatform {
        Timer(label: ServiceMetricName.publisherApprovalToPost, dimensions: $0)
    }

    private static func byPlatform<Metric>(_ make: ([(String, String)]) -> Metric) -> [Platform: Metric] {
        Dictionary(uniqueKeysWithValues: Platform.allCases.map { ($0, make([("platform", $0.rawValue)])) })
    }

    func posted(on platform: Platform) { postedCounters[platform]?.increment() }
    func retried(on platform: Platform) { retryCounters[platform]?.increment() }
    func postDuration(on platform: Platform, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        durations[platform]?.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
    func approvalToPost(on platform: Platform, nanoseconds: Int64) {
        approvalToPostTimers[platform]?.recordNanoseconds(nanoseconds)
    }
    /// Made at start, so that a dashboard and an alert see 0 before the first failure.
    private let failures: [String: Counter] = Dictionary(
        uniqueKeysWithValues: (Platform.allCases.map(\.rawValue) + ["unknown"]).flatMap { platform in
            PublisherMetrics.failureReasons.map { reason in
                (
                    "\(platform)/\(reason)",
                    Counter(
                        label: ServiceMetricName.publisherFailed,
                        dimensions: [("platform", platform), ("reason", reason)])
                )
            }
        })

    static let failureReasons = ["refused", "no-webhook", "unreadable"]

    func failed(on platform: Platform?, reason: String) {
        failures["\(platform?.rawValue ?? "unknown")/\(reason)"]?.increment()
    }
}
