import CRdKafka
import CourtesyKafka
import Foundation

/// Minimal loops over librdkafka's C API, with the same settings as the adapter: the yardstick the adapter's
/// throughput is measured against (`courtesy-lab bench kafka`).
enum KafkaBaseline {
    /// What one baseline run measured.
    struct Measurement: Sendable {
        let messages: Int
        let bytes: Int
        let duration: Duration
    }

    /// Produces `count` messages, cycling through `payloads` and, round-robin, through `partitions` partitions,
    /// and waits for every delivery report.
    static func produce(
        configuration: KafkaProducerConfiguration,
        topic: String,
        partitions: Int,
        payloads: [[UInt8]],
        count: Int
    ) async throws(KafkaError) -> Measurement {
        let properties = try configuration.librdkafkaProperties()
        return try await KafkaBlockingCall.run { () throws(KafkaError) in
            let counter = DeliveryCounter()
            let conf = try RDKafkaConfig.make(properties)
            rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(counter).toOpaque())
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, opaque in
                guard let opaque, let message else { return }
                let counter = Unmanaged<DeliveryCounter>.fromOpaque(opaque).takeUnretainedValue()
                counter.delivered += 1
                if message.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR { counter.failed += 1 }
            }
            guard let handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, nil, 0) else {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(kind: .configuration, message: "cannot create the baseline producer")
            }
            defer { rd_kafka_destroy(handle) }
            let rkt = rd_kafka_topic_new(handle, topic, nil)
            defer { rd_kafka_topic_destroy(rkt) }
            var bytes = 0
            let started = ContinuousClock.now
            for index in 0..<count {
                let payload = payloads[index % payloads.count]
                bytes += payload.count
                while true {
                    let result = payload.withUnsafeBytes { value in
                        rd_kafka_produce(
                            rkt,
                            Int32(index % partitions),
                            RD_KAFKA_MSG_F_COPY,
                            UnsafeMutableRawPointer(mutating: value.baseAddress),
                            value.count,
                            nil,
                            0,
                            nil
                        )
                    }
                    if result == 0 { break }
                    rd_kafka_poll(handle, 1)
                }
                if index % 1000 == 0 { rd_kafka_poll(handle, 0) }
            }
            while counter.delivered < count {
                rd_kafka_poll(handle, 100)
            }
            let duration = ContinuousClock.now - started
            guard counter.failed == 0 else {
                throw KafkaError(kind: .broker, message: "\(counter.failed) baseline messages were not delivered")
            }
            return Measurement(messages: count, bytes: bytes, duration: duration)
        }
    }

    /// Consumes `count` messages from `configuration`'s topics; the clock starts at the first message, so the
    /// group join is not counted.
    static func consume(
        configuration: KafkaConsumerConfiguration,
        count: Int,
        timeout: Duration
    ) async throws(KafkaError) -> Measurement {
        let properties = try configuration.librdkafkaProperties()
        let topics = configuration.topics
        return try await KafkaBlockingCall.run { () throws(KafkaError) in
            let conf = try RDKafkaConfig.make(properties)
            guard let handle = rd_kafka_new(RD_KAFKA_CONSUMER, conf, nil, 0) else {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(kind: .configuration, message: "cannot create the baseline consumer")
            }
            defer { rd_kafka_destroy(handle) }
            rd_kafka_poll_set_consumer(handle)
            _ = RDKafkaTopicPartitionList.withTopics(topics) { rd_kafka_subscribe(handle, $0) }
            var received = 0
            var bytes = 0
            var started: ContinuousClock.Instant?
            let deadline = ContinuousClock.now + timeout
            while received < count, ContinuousClock.now < deadline {
                guard let message = rd_kafka_consumer_poll(handle, 100) else { continue }
                if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                    if started == nil { started = .now }
                    received += 1
                    bytes += message.pointee.len
                }
                rd_kafka_message_destroy(message)
            }
            let duration = started.map { ContinuousClock.now - $0 } ?? .zero
            rd_kafka_consumer_close(handle)
            guard received == count else {
                throw KafkaError(
                    kind: .connection, message: "the baseline consumer read \(received) of \(count) messages")
            }
            return Measurement(messages: count, bytes: bytes, duration: duration)
        }
    }
}

/// Counts delivery reports on the baseline producer's polling thread (its only user).
private final class DeliveryCounter: @unchecked Sendable {
    // Confined to the thread that polls, like a C loop's counters.
    @exclusivity(unchecked) var delivered = 0
    @exclusivity(unchecked) var failed = 0
}
