import CRdKafka

/// Converts between Swift partitions and librdkafka's `rd_kafka_topic_partition_list_t`.
package enum RDKafkaTopicPartitionList {
    static func partitions(_ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) -> [KafkaTopicPartition] {
        guard let list else { return [] }
        let raw = list.pointee
        return (0..<Int(raw.cnt)).map { index in
            let element = raw.elems[index]
            return KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)
        }
    }

    /// The offsets a list holds, by partition.
    static func offsets(_ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> [KafkaTopicPartition: Int64] {
        let raw = list.pointee
        var result: [KafkaTopicPartition: Int64] = [:]
        for index in 0..<Int(raw.cnt) {
            let element = raw.elems[index]
            result[KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)] =
                element.offset
        }
        return result
    }

    /// Calls `body` with a temporary list holding `offsets`; the list is destroyed afterwards.
    static func withList<Result>(
        _ offsets: [KafkaTopicPartition: Int64],
        _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Result
    ) -> Result {
        let list = rd_kafka_topic_partition_list_new(Int32(offsets.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for (partition, offset) in offsets {
            rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition).pointee.offset = offset
        }
        return body(list)
    }

    /// Calls `body` with a temporary list of topic names (partition unassigned), as `subscribe` wants.
    package static func withTopics<Result>(
        _ topics: [String],
        _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Result
    ) -> Result {
        let list = rd_kafka_topic_partition_list_new(Int32(topics.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in topics {
            rd_kafka_topic_partition_list_add(list, topic, RD_KAFKA_PARTITION_UA)
        }
        return body(list)
    }
}
