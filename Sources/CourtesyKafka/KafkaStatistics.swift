import Foundation
import Metrics

/// Turns librdkafka's periodic statistics (JSON) into gauges through swift-metrics.
///
/// Called on the client's poll thread every `statistics.interval.ms`; the gauges are then exported by
/// whichever metrics backend the process bootstrapped.
final class KafkaStatistics: Sendable {
    private let client: String

    init(client: String) {
        self.client = client
    }

    func record(_ json: Data) {
        guard let statistics = try? JSONDecoder().decode(Statistics.self, from: json) else { return }
        if statistics.type == "producer" {
            if let messages = statistics.queuedMessages {
                Gauge(label: KafkaMetricName.producerQueueMessages, dimensions: [("client", client)])
                    .record(messages)
            }
            if let bytes = statistics.queuedBytes {
                Gauge(label: KafkaMetricName.producerQueueBytes, dimensions: [("client", client)]).record(bytes)
            }
        }
        for (name, broker) in statistics.brokers ?? [:] {
            // Bootstrap placeholders have no node id yet and never carry requests.
            guard let nodeID = broker.nodeid, nodeID >= 0, let average = broker.rtt?.avg, average > 0 else { continue }
            Gauge(
                label: KafkaMetricName.brokerRoundTrip,
                dimensions: [("client", client), ("broker", name)]
            ).record(Double(average) / 1_000_000)
        }
        guard statistics.type == "consumer" else { return }
        for (topic, details) in statistics.topics ?? [:] {
            for (partition, values) in details.partitions ?? [:] {
                // Partition -1 is librdkafka's internal unassigned queue; a lag of -1 means "not known yet".
                guard partition != "-1", let lag = values.consumerLag, lag >= 0 else { continue }
                Gauge(
                    label: KafkaMetricName.consumerLag,
                    dimensions: [("client", client), ("topic", topic), ("partition", partition)]
                ).record(lag)
            }
        }
    }
}

/// The part of librdkafka's statistics JSON (STATISTICS.md) that becomes gauges; the rest is skipped.
private struct Statistics: Decodable {
    struct Broker: Decodable {
        struct Window: Decodable {
            let avg: Int?
        }
        let nodeid: Int?
        let rtt: Window?
    }

    struct Topic: Decodable {
        struct Partition: Decodable {
            let consumerLag: Int?

            enum CodingKeys: String, CodingKey {
                case consumerLag = "consumer_lag"
            }
        }
        let partitions: [String: Partition]?
    }

    let type: String?
    let queuedMessages: Int?
    let queuedBytes: Int?
    let brokers: [String: Broker]?
    let topics: [String: Topic]?

    enum CodingKeys: String, CodingKey {
        case type, brokers, topics
        case queuedMessages = "msg_cnt"
        case queuedBytes = "msg_size"
    }
}
