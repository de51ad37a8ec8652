import CRdKafka
import Logging

/// Creates topics and reads their settings through librdkafka's admin API.
///
/// Every call blocks a thread of its own (``KafkaBlockingCall``) until the cluster answers or the timeout
/// passes. librdkafka 2.0.2's embedded broker has no admin API: there, calls fail with
/// ``KafkaError/Kind/unsupported`` and ``EmbeddedKafkaCluster/createTopic(_:partitions:replicationFactor:)``
/// creates topics instead.
package final class KafkaAdmin: Sendable {
    /// A topic to create.
    package struct NewTopic: Sendable, Equatable {
        package var name: String
        package var partitions: Int
        package var replicationFactor: Int
        /// Topic-level settings (`cleanup.policy`, `retention.ms`...).
        package var configs: [String: String]

        package init(name: String, partitions: Int, replicationFactor: Int, configs: [String: String]) {
            self.name = name
            self.partitions = partitions
            self.replicationFactor = replicationFactor
            self.configs = configs
        }
    }

    /// What creating one topic did.
    package enum Creation: Sendable, Equatable {
        case created
        /// It existed already, and was left as it was.
        case alreadyExisted
    }

    private let client: RDKafkaClient

    package init(kafka: KafkaConfiguration, logger: Logger) throws(KafkaError) {
        var kafka = kafka
        kafka.statisticsInterval = nil
        client = try RDKafkaClient(
            role: .producer,
            properties: kafka.merged([], reserved: [:]),
            context: RDKafkaCallbackContext(logger: logger, statistics: KafkaStatistics(client: kafka.clientID))
        ) { _ in }
    }

    /// Creates `topics`, leaving any that exists as it is.
    /// - Throws: ``KafkaError`` naming the first topic the cluster refused, and why.
    package func create(_ topics: [NewTopic], timeout: Duration = .seconds(30)) async throws(KafkaError)
        -> [String: Creation]
    {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in
            try Self.create(topics, client: client, timeout: timeout)
        }
    }

    /// The settings the cluster reports for each of `topics`. Brokers differ in what they report: Apache Kafka
    /// gives every setting, defaults included; others give only those set on the topic.
    package func configs(of topics: [String], timeout: Duration = .seconds(30)) async throws(KafkaError)
        -> [String: [String: String]]
    {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in
            try Self.configs(of: topics, client: client, timeout: timeout)
        }
    }

    /// The cluster's brokers and topics with their partition counts.
    package func metadata(timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaClusterMetadata {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in try client.metadata(timeout: timeout) }
    }

    private static func create(_ topics: [NewTopic], client: RDKafkaClient, timeout: Duration) throws(KafkaError)
        -> [String: Creation]
    {
        var handles: [OpaquePointer?] = []
        defer {
            for handle in handles { rd_kafka_NewTopic_destroy(handle) }
        }
        for topic in topics {
            var errorText = [CChar](repeating: 0, count: 512)
            guard
                let handle = rd_kafka_NewTopic_new(
                    topic.name, Int32(clamping: topic.partitions), Int32(clamping: topic.replicationFactor),
                    &errorText, errorText.count)
            else {
                throw .configuration("cannot describe topic \(topic.name): \(text(errorText))")
            }
            handles.append(handle)
            for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                let result = rd_kafka_NewTopic_set_config(handle, name, value)
                guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw .response(result, "cannot set \(name)=\(value) on topic \(topic.name)")
                }
            }
        }
        return try request(client, .createTopics, timeout: timeout) { handle, options, queue in
            rd_kafka_CreateTopics(handle, &handles, handles.count, options, queue)
        } read: { event throws(KafkaError) in
            var count = 0
            guard let result = rd_kafka_event_CreateTopics_result(event),
                let results = rd_kafka_CreateTopics_result_topics(result, &count)
            else { throw KafkaError(kind: .broker, message: "the cluster gave no result for creating topics") }
            var creations: [String: Creation] = [:]
            for index in 0..<count {
                guard let topicResult = results[index] else { continue }
                let name = String(cString: rd_kafka_topic_result_name(topicResult))
                let error = rd_kafka_topic_result_error(topicResult)
                switch error {
                case RD_KAFKA_RESP_ERR_NO_ERROR: creations[name] = .created
                case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: creations[name] = .alreadyExisted
                default:
                    let reason = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) }
                    throw .response(error, "cannot create topic \(name)\(reason.map { " (\($0))" } ?? "")")
                }
            }
            return creations
        }
    }

    private static func configs(of topics: [String], client: RDKafkaClient, timeout: Duration) throws(KafkaError)
        -> [String: [String: String]]
    {
        var resources: [OpaquePointer?] = topics.map { rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, $0) }
        defer {
            for resource in resources { rd_kafka_ConfigResource_destroy(resource) }
        }
        return try request(client, .describeConfigs, timeout: timeout) { handle, options, queue in
            rd_kafka_DescribeConfigs(handle, &resources, resources.count, options, queue)
        } read: { event throws(KafkaError) in
            var count = 0
            guard let result = rd_kafka_event_DescribeConfigs_result(event),
                let described = rd_kafka_DescribeConfigs_result_resources(result, &count)
            else { throw KafkaError(kind: .broker, message: "the cluster gave no result for topic settings") }
            var configs: [String: [String: String]] = [:]
            for index in 0..<count {
                guard let resource = described[index] else { continue }
                let name = String(cString: rd_kafka_ConfigResource_name(resource))
                let error = rd_kafka_ConfigResource_error(resource)
                guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw .response(error, "cannot read the settings of topic \(name)")
                }
                var entryCount = 0
                var settings: [String: String] = [:]
                if let entries = rd_kafka_ConfigResource_configs(resource, &entryCount) {
                    for entry in UnsafeBufferPointer(start: entries, count: entryCount) {
                        guard let entry, let value = rd_kafka_ConfigEntry_value(entry) else { continue }
                        settings[String(cString: rd_kafka_ConfigEntry_name(entry))] = String(cString: value)
                    }
                }
                configs[name] = settings
            }
            return configs
        }
    }

    private enum Operation {
        case createTopics
        case describeConfigs

        var raw: rd_kafka_admin_op_t {
            switch self {
            case .createTopics: RD_KAFKA_ADMIN_OP_CREATETOPICS
            case .describeConfigs: RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS
            }
        }
    }

    /// Sends one admin request with `send` and reads its result event with `read`, within `timeout`.
    private static func request<Result>(
        _ client: RDKafkaClient, _ operation: Operation, timeout: Duration,
        send: (OpaquePointer, OpaquePointer?, OpaquePointer?) -> Void,
        read: (OpaquePointer) throws(KafkaError) -> Result
    ) throws(KafkaError) -> Result {
        let answer: OpaquePointer? = client.withHandle { handle in
            let queue = rd_kafka_queue_new(handle)
            defer { rd_kafka_queue_destroy(queue) }
            let options = rd_kafka_AdminOptions_new(handle, operation.raw)
            defer { rd_kafka_AdminOptions_destroy(options) }
            var errorText = [CChar](repeating: 0, count: 512)
            _ = rd_kafka_AdminOptions_set_request_timeout(
                options, Int32(clamping: timeout.milliseconds), &errorText, errorText.count)
            _ = rd_kafka_AdminOptions_set_operation_timeout(
                options, Int32(clamping: timeout.milliseconds), &errorText, errorText.count)
            send(handle, options, queue)
            // The request's own timeout ends it with an error event; a little longer here only guards against none.
            return rd_kafka_queue_poll(queue, Int32(clamping: timeout.milliseconds + 5_000))
        }
        guard let event = answer else {
            throw KafkaError(kind: .connection, message: "no answer from the Kafka cluster within \(timeout)")
        }
        defer { rd_kafka_event_destroy(event) }
        let error = rd_kafka_event_error(event)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let reason = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
            if error == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE {
                throw KafkaError(
                    kind: .unsupported,
                    message: "the cluster does not support the admin API (\(reason))",
                    code: error.rawValue)
            }
            throw KafkaError(
                kind: error == RD_KAFKA_RESP_ERR__TIMED_OUT || error == RD_KAFKA_RESP_ERR__TRANSPORT
                    ? .connection : .broker,
                message: "the Kafka cluster refused the request: \(reason)", code: error.rawValue,
                isRetriable: error == RD_KAFKA_RESP_ERR__TIMED_OUT)
        }
        return try read(event)
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
