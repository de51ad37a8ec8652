import CRdKafka
import Foundation
import Logging

/// Owns one `rd_kafka_t` handle and the context its C callbacks reach.
///
/// `@unchecked Sendable`: librdkafka documents its handle as thread-safe for every call made here, the pointer
/// never changes after `init`, and the handle is destroyed only in `deinit`, when no other reference exists.
final class RDKafkaClient: @unchecked Sendable {
    enum Role {
        case producer
        case consumer
    }

    private let handle: OpaquePointer
    let context: RDKafkaCallbackContext
    let name: String

    /// Creates the handle. `configure` may install callbacks on the configuration before librdkafka takes it.
    init(
        role: Role,
        properties: [(String, String)],
        context: RDKafkaCallbackContext,
        configure: (OpaquePointer) -> Void
    ) throws(KafkaError) {
        let conf = try RDKafkaConfig.make(properties)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(context).toOpaque())
        rd_kafka_conf_set_log_cb(conf, logCallback)
        rd_kafka_conf_set_error_cb(conf, errorCallback)
        rd_kafka_conf_set_stats_cb(conf, statisticsCallback)
        configure(conf)
        var errorText = [CChar](repeating: 0, count: 512)
        let type = role == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            let reason = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .configuration("could not create the Kafka \(role == .producer ? "producer" : "consumer"): \(reason)")
        }
        self.handle = handle
        self.context = context
        self.name = String(cString: rd_kafka_name(handle))
    }

    deinit {
        rd_kafka_destroy(handle)
    }

    /// Scoped access to the raw handle; the pointer must not escape `body`.
    func withHandle<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        try body(handle)
    }

    /// Asks the cluster for its brokers and topics. Blocks up to `timeout`: call it off the cooperative pool.
    func metadata(timeout: Duration) throws(KafkaError) -> KafkaClusterMetadata {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let result = rd_kafka_metadata(handle, 1, nil, &metadata, Int32(clamping: timeout.milliseconds))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw KafkaError(
                kind: .connection,
                message:
                    "no answer from the Kafka cluster within \(timeout): \(String(cString: rd_kafka_err2str(result)))",
                code: result.rawValue,
                isRetriable: true
            )
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        let raw = metadata.pointee
        let brokers = (0..<Int(raw.broker_cnt)).map { index in
            let broker = raw.brokers[index]
            return KafkaClusterMetadata.Broker(id: broker.id, host: String(cString: broker.host), port: broker.port)
        }
        let topics = (0..<Int(raw.topic_cnt)).map { index in
            let topic = raw.topics[index]
            return KafkaClusterMetadata.Topic(name: String(cString: topic.topic), partitions: Int(topic.partition_cnt))
        }
        return KafkaClusterMetadata(brokers: brokers, topics: topics)
    }

    /// The client's fatal error, if one was raised.
    func fatalError() -> KafkaError? {
        var text = [CChar](repeating: 0, count: 512)
        let code = rd_kafka_fatal_error(handle, &text, text.count)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let reason = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return KafkaError(kind: .fatal, message: "fatal Kafka error: \(reason)", code: code.rawValue)
    }
}

private func logCallback(
    handle: OpaquePointer?, level: Int32, facility: UnsafePointer<CChar>?, text: UnsafePointer<CChar>?
) {
    guard let handle, let opaque = rd_kafka_opaque(handle) else { return }
    let context = Unmanaged<RDKafkaCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    let facility = facility.map { String(cString: $0) } ?? "-"
    let text = text.map { String(cString: $0) } ?? ""
    // syslog levels: 0-3 error, 4 warning, 5-6 info, 7 debug.
    let logLevel: Logger.Level =
        switch level {
        case ...3: .error
        case 4: .warning
        case 5...6: .info
        default: .debug
        }
    context.logger.log(level: logLevel, "\(text)", metadata: ["kafka.facility": "\(facility)"])
}

private func errorCallback(
    handle: OpaquePointer?, code: Int32, reason: UnsafePointer<CChar>?, opaque: UnsafeMutableRawPointer?
) {
    guard let opaque else { return }
    let context = Unmanaged<RDKafkaCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    let error = rd_kafka_resp_err_t(code)
    let reason = reason.map { String(cString: $0) } ?? ""
    context.recordError(error, reason: reason)
}

private func statisticsCallback(
    handle: OpaquePointer?,
    json: UnsafeMutablePointer<CChar>?,
    length: Int,
    opaque: UnsafeMutableRawPointer?
) -> Int32 {
    guard let opaque, let json else { return 0 }
    let context = Unmanaged<RDKafkaCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: json, count: length)
    context.statistics.record(Data(bytes))
    // 0: librdkafka keeps ownership of the JSON buffer and frees it.
    return 0
}
