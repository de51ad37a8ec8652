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
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { return }
        let type = root["type"] as? String
        if type == "producer" {
            if let messages = root["msg_cnt"] as? Int {
                Gauge(label: KafkaMetricName.producerQueueMessages, dimensions: [("client", client)])
                    .record(messages)
            }
            if let bytes = root["msg_size"] as? Int {
                Gauge(label: KafkaMetricName.producerQueueBytes, dimensions: [("client", client)]).record(bytes)
            }
        }
        if let brokers = root["brokers"] as? [String: Any] {
            for case (let name, let broker as [String: Any]) in brokers {
                // Bootstrap placeholders have no node id yet and never carry requests.
                guard let nodeID = broker["nodeid"] as? Int, nodeID >= 0,
                    let rtt = broker["rtt"] as? [String: Any], let average = rtt["avg"] as? Int, average > 0
                else { continue }
                Gauge(
                    label: KafkaMetricName.brokerRoundTrip,
                    dimensions: [("client", client), ("broker", name)]
                ).record(Double(average) / 1_000_000)
            }
        }
        guard type == "consumer", let topics = root["topics"] as? [String: Any] else { return }
        for case (let topic, let details as [String: Any]) in topics {
            guard let partitions = details["partitions"] as? [String: Any] else { continue }
            for case (let partition, let values as [String: Any]) in partitions {
                // Partition -1 is librdkafka's internal unassigned queue; a lag of -1 means "not known yet".
                guard partition != "-1", let lag = values["consumer_lag"] as? Int, lag >= 0 else { continue }
                Gauge(
                    label: KafkaMetricName.consumerLag,
                    dimensions: [("client", client), ("topic", topic), ("partition", partition)]
                ).record(lag)
            }
        }
    }
}
