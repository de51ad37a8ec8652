import CourtesyKafka
import Logging

extension KafkaConnection {
    /// Creates `topics` that do not exist yet, leaving those that do as they are: through the admin API, or
    /// on the embedded broker (which has none in librdkafka 2.0.2) through the broker itself.
    package func createTopics(_ topics: [KafkaAdmin.NewTopic], logger: Logger) async throws(KafkaError)
        -> [String: KafkaAdmin.Creation]
    {
        guard let embedded else {
            return try await KafkaAdmin(kafka: configuration, logger: logger).create(topics)
        }
        var creations: [String: KafkaAdmin.Creation] = [:]
        for topic in topics {
            do throws(KafkaError) {
                // -1, the cluster's default replication, is one copy here.
                try embedded.createTopic(
                    topic.name, partitions: topic.partitions, replicationFactor: max(topic.replicationFactor, 1))
                creations[topic.name] = .created
            } catch  where error.code == KafkaErrorCode.topicAlreadyExists.rawValue {
                creations[topic.name] = .alreadyExisted
            }
        }
        return creations
    }
}
