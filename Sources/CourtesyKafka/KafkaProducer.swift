import CRdKafka
import CourtesyLocking
import Foundation
import Logging
import ServiceLifecycle

/// Publishes messages to Kafka through librdkafka.
///
/// - ``send(_:token:)`` hands a message to librdkafka and returns once it is queued, suspending while the
///   bounded queue is full; the broker's answer arrives later, in batches, at the delivery-report handler given
///   to ``init(configuration:logger:deliveryReportHandler:)``, carrying the caller's token.
/// - ``sendAndAwait(_:)`` queues a message and returns when the broker has acknowledged it.
///
/// Delivery reports are served by a dedicated thread that calls `rd_kafka_poll`; as a ``Service``, the
/// producer flushes what is queued when the service group shuts down.
package final class KafkaProducer: Service, Sendable {
    /// Receives delivery reports in batches, on the producer's poll thread; keep it short and non-blocking.
    package typealias DeliveryReportHandler = @Sendable ([DeliveryReport]) -> Void

    /// Tokens at or above this value are the producer's own (``sendAndAwait(_:)``).
    static let reservedTokens: UInt64 = 1 << 63

    private let client: RDKafkaClient
    private let logger: Logger
    private let handler: DeliveryReportHandler?
    private let flushTimeout: Duration
    private let state = ProducerState()
    private let topics = Locked(TopicHandles())
    private let poller: PollThread

    /// Creates the producer and starts serving its delivery reports.
    ///
    /// - Throws: ``KafkaError`` naming a property librdkafka refuses.
    package init(
        configuration: KafkaProducerConfiguration,
        logger: Logger,
        flushTimeout: Duration = .seconds(30),
        deliveryReportHandler: DeliveryReportHandler? = nil
    ) throws(KafkaError) {
        let context = RDKafkaCallbackContext(
            logger: logger,
            statistics: KafkaStatistics(client: configuration.kafka.clientID)
        )
        self.client = try RDKafkaClient(
            role: .producer,
            properties: configuration.librdkafkaProperties(),
            context: context
        ) { conf in
            rd_kafka_conf_set_dr_msg_cb(conf, deliveryReportCallback)
        }
        self.logger = logger
        self.handler = deliveryReportHandler
        self.flushTimeout = flushTimeout
        self.poller = PollThread(name: "kafka-producer-poll") { [client, state] thread in
            Self.pollLoop(
                client: client,
                state: state,
                handler: deliveryReportHandler,
                flushTimeout: flushTimeout,
                thread: thread
            )
        }
    }

    deinit {
        poller.requestStop()
    }

    /// Queues `message` for delivery; its ``DeliveryReport`` reaches the handler with `token`.
    ///
    /// Suspends while the producer's queue is full, so a fast caller is slowed to the broker's pace instead
    /// of growing memory. Returns when librdkafka has taken the message, not when the broker has.
    package func send(_ message: KafkaProducerMessage, token: UInt64 = 0) async throws(KafkaError) {
        guard token < Self.reservedTokens else {
            throw KafkaError(kind: .broker, message: "delivery tokens must be below 2^63, got \(token)")
        }
        try await enqueue(message, token: token)
    }

    /// Queues `message` and returns when the broker has acknowledged it.
    ///
    /// - Returns: the partition and offset the message was written to.
    /// - Throws: ``KafkaError`` when it could not be queued or the broker did not accept it.
    @discardableResult
    package func sendAndAwait(_ message: KafkaProducerMessage) async throws(KafkaError) -> DeliveryReport {
        let token = state.expectAcknowledgement()
        do {
            try await enqueue(message, token: token)
        } catch {
            state.forgetAcknowledgement(token)
            throw error
        }
        let report = await state.acknowledgement(token)
        if let error = report.error { throw error }
        return report
    }

    /// Messages queued in the client and not yet acknowledged by the broker.
    package var queuedMessages: Int {
        Int(client.withHandle { rd_kafka_outq_len($0) })
    }

    /// Asks the cluster for its brokers and topics: the way to find out at start-up that it is reachable.
    package func metadata(timeout: Duration = .seconds(5)) async throws(KafkaError) -> KafkaClusterMetadata {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in try client.metadata(timeout: timeout) }
    }

    /// How many partitions `topic` has, asking for it by name, so that a cluster that creates topics on first
    /// use (as a producer's writes would) creates it.
    /// - Throws: ``KafkaError`` when the topic does not exist and is not created, or the cluster does not answer
    ///   within `timeout`.
    package func partitionCount(of topic: String, timeout: Duration = .seconds(10)) async throws(KafkaError) -> Int {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in
            try client.partitionCount(of: topic, timeout: timeout)
        }
    }

    /// Where each of `partitions` of `topic` starts (its first retained offset) and ends (the offset of its
    /// next message), from the brokers: the way to tell, without a reader, that a partition holds nothing.
    /// - Throws: ``KafkaError`` when a broker does not answer within `timeout`, per partition.
    package func watermarks(of topic: String, partitions: [Int32], timeout: Duration = .seconds(10))
        async throws(KafkaError) -> [Int32: (low: Int64, high: Int64)]
    {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in
            var watermarks: [Int32: (low: Int64, high: Int64)] = [:]
            for partition in partitions {
                watermarks[partition] = try client.watermarks(topic: topic, partition: partition, timeout: timeout)
            }
            return watermarks
        }
    }

    /// The fatal error librdkafka raised on this producer, if any: it then sends nothing more (an idempotent
    /// producer the broker does not support, or whose message sequence the broker no longer agrees with), and
    /// the process should stop so that a fresh one takes over.
    package var fatal: KafkaError? { client.context.fatalError }

    /// Waits until librdkafka raises a fatal error on this producer and returns it; returns `nil` once the
    /// producer is shut down without one, or the task is cancelled. Looks four times a second.
    package func waitForFatal() async -> KafkaError? {
        while !Task.isCancelled && !state.isShutDown {
            if let fatal { return fatal }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return fatal
    }

    /// Delivers what is queued (up to the flush timeout), then stops serving delivery reports.
    /// Sends after this fail with ``KafkaError/Kind/shutDown``.
    package func shutdown() async {
        state.markShutDown()
        poller.requestStop()
        await poller.waitUntilFinished()
        state.failAcknowledgements(with: .shutDown)
    }

    /// Runs until the service group shuts down, then flushes.
    package func run() async throws {
        try await gracefulShutdown()
        await shutdown()
    }

    private func enqueue(_ message: KafkaProducerMessage, token: UInt64) async throws(KafkaError) {
        while true {
            if state.isShutDown { throw .shutDown }
            // A fatal error surfaces here too: librdkafka refuses every produce call with it.
            guard let error = produce(message, token: token) else { return }
            guard error.kind == .queueFull else { throw error }
            await state.waitForSpace()
        }
    }

    private func topicHandle(_ name: String) -> TopicHandle? {
        topics.withLock { topics in
            // Most producers write one or two topics in turn (a responder: a draft, then its state write):
            // compare with the last two before hashing.
            if let last = topics.last, last.name == name { return last }
            if let previous = topics.previous, previous.name == name {
                swap(&topics.last, &topics.previous)
                return previous
            }
            let handle: TopicHandle?
            if let known = topics.byName[name] {
                handle = known
            } else {
                handle = client.withHandle { TopicHandle(client: client, handle: $0, name: name) }
                topics.byName[name] = handle
            }
            topics.previous = topics.last
            topics.last = handle
            return handle
        }
    }

    /// One `rd_kafka_produceva` call; returns the error instead of throwing so the queue-full case stays cheap.
    private func produce(_ message: KafkaProducerMessage, token: UInt64) -> KafkaError? {
        guard let topic = topicHandle(message.topic) else {
            return KafkaError(kind: .broker, message: "cannot produce to topic \"\(message.topic)\"")
        }
        let headers = message.headers.isEmpty ? nil : RDKafkaHeaders.make(message.headers)
        let error: OpaquePointer? = message.value.withUnsafeBytes { value in
            withOptionalBytes(message.key) { key in
                withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: 7) { fields in
                    var count = 0
                    func add(_ type: rd_kafka_vtype_t, _ fill: (inout rd_kafka_vu_t) -> Void) {
                        var field = rd_kafka_vu_t()
                        field.vtype = type
                        fill(&field)
                        fields.initializeElement(at: count, to: field)
                        count += 1
                    }
                    add(RD_KAFKA_VTYPE_RKT) { $0.u.rkt = topic.handle }
                    add(RD_KAFKA_VTYPE_VALUE) {
                        $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                        $0.u.mem.size = value.count
                    }
                    add(RD_KAFKA_VTYPE_MSGFLAGS) { $0.u.i = RD_KAFKA_MSG_F_COPY }
                    add(RD_KAFKA_VTYPE_OPAQUE) { $0.u.ptr = UnsafeMutableRawPointer(bitPattern: UInt(token)) }
                    if let key {
                        add(RD_KAFKA_VTYPE_KEY) {
                            $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                            $0.u.mem.size = key.count
                        }
                    }
                    if let partition = message.partition {
                        add(RD_KAFKA_VTYPE_PARTITION) { $0.u.i32 = partition }
                    }
                    if let headers {
                        add(RD_KAFKA_VTYPE_HEADERS) { $0.u.headers = headers }
                    }
                    defer { fields.baseAddress?.deinitialize(count: count) }
                    return client.withHandle { rd_kafka_produceva($0, fields.baseAddress, count) }
                }
            }
        }
        guard let error else { return nil }
        // On failure librdkafka did not take the headers.
        if let headers { rd_kafka_headers_destroy(headers) }
        return KafkaError.consuming(error, "cannot queue a message for topic \"\(message.topic)\"")
    }

    private static func pollLoop(
        client: RDKafkaClient,
        state: ProducerState,
        handler: DeliveryReportHandler?,
        flushTimeout: Duration,
        thread: PollThread
    ) {
        func serve(timeout: Int32) {
            let served = client.withHandle { rd_kafka_poll($0, timeout) }
            if served > 0 && !thread.isStopping {
                // Under load, let reports gather for a moment: one wake-up then serves hundreds of them, which
                // costs far less than waking for every produce response. Linger already delays sends by more.
                Thread.sleep(forTimeInterval: 0.001)
            }
            let reports = client.context.deliveryReports.drain()
            let callerReports = state.settleAcknowledgements(reports)
            if let handler, !callerReports.isEmpty {
                handler(callerReports)
            }
            state.resumeSpaceWaiters()
        }

        while !thread.isStopping {
            serve(timeout: 100)
        }
        // Flush: keep serving delivery reports until everything queued has an answer or time runs out.
        let deadline = ContinuousClock.now + flushTimeout
        while client.withHandle({ rd_kafka_outq_len($0) }) > 0, ContinuousClock.now < deadline {
            serve(timeout: 100)
        }
        serve(timeout: 0)
    }
}

/// The producer's topic handles, by name, and the two used last.
private struct TopicHandles {
    var byName: [String: TopicHandle] = [:]
    var last: TopicHandle?
    var previous: TopicHandle?
}

/// A cached `rd_kafka_topic_t`, destroyed with the producer.
///
/// `@unchecked Sendable`: topic handles are thread-safe in librdkafka and immutable here.
private final class TopicHandle: @unchecked Sendable {
    let handle: OpaquePointer
    let name: String
    private let client: RDKafkaClient

    init?(client: RDKafkaClient, handle: OpaquePointer, name: String) {
        guard let topic = rd_kafka_topic_new(handle, name, nil) else { return nil }
        self.handle = topic
        self.name = name
        self.client = client
    }

    deinit {
        rd_kafka_topic_destroy(handle)
    }
}

private func withOptionalBytes<Result>(
    _ bytes: [UInt8]?,
    _ body: (UnsafeRawBufferPointer?) -> Result
) -> Result {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}

private func deliveryReportCallback(
    handle: OpaquePointer?,
    message: UnsafePointer<rd_kafka_message_t>?,
    opaque: UnsafeMutableRawPointer?
) {
    guard let opaque, let message else { return }
    let context = Unmanaged<RDKafkaCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    let raw = message.pointee
    let token = UInt64(UInt(bitPattern: raw._private))
    let error: KafkaError? =
        raw.err == RD_KAFKA_RESP_ERR_NO_ERROR
        ? nil : KafkaError.response(raw.err, "message not delivered to \"\(topicName(raw.rkt))\"")
    let report = DeliveryReport(token: token, partition: raw.partition, offset: raw.offset, error: error)
    context.deliveryReports.append(report)
}

private func topicName(_ topic: OpaquePointer?) -> String {
    guard let topic, let name = rd_kafka_topic_name(topic) else { return "?" }
    return String(cString: name)
}
