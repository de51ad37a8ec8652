import CRdKafka
import Foundation

extension RDKafkaClient {
    /// How many partitions `topic` has, asking for it by name so that a cluster that creates topics on
    /// first use creates it. Blocks up to `timeout`: call it off the cooperative pool.
    func partitionCount(of topic: String, timeout: Duration) throws(KafkaError) -> Int {
        let deadline = ContinuousClock.now + timeout
        var lastError = RD_KAFKA_RESP_ERR_NO_ERROR
        // A topic created by this very request has no leader for a moment: ask again until it does.
        while ContinuousClock.now < deadline {
            let remaining = Int32(clamping: (deadline - ContinuousClock.now).milliseconds)
            let (error, partitions) = withHandle { handle -> (rd_kafka_resp_err_t, Int) in
                // rd_kafka_topic_new fails only on an invalid name.
                guard let rkt = rd_kafka_topic_new(handle, topic, nil) else {
                    return (RD_KAFKA_RESP_ERR__INVALID_ARG, 0)
                }
                defer { rd_kafka_topic_destroy(rkt) }
                var metadata: UnsafePointer<rd_kafka_metadata>?
                let result = rd_kafka_metadata(handle, 0, rkt, &metadata, max(remaining, 1))
                guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { return (result, 0) }
                defer { rd_kafka_metadata_destroy(metadata) }
                guard metadata.pointee.topic_cnt > 0 else { return (RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, 0) }
                let found = metadata.pointee.topics[0]
                return (found.err, Int(found.partition_cnt))
            }
            if error == RD_KAFKA_RESP_ERR_NO_ERROR, partitions > 0 { return partitions }
            lastError = error
            Thread.sleep(forTimeInterval: 0.1)
        }
        if lastError == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART {
            throw .configuration("topic \(topic) does not exist and the cluster did not create it; create it first")
        }
        throw KafkaError(
            kind: .connection,
            message:
                "no metadata for topic \(topic) within \(timeout): \(String(cString: rd_kafka_err2str(lastError)))",
            code: lastError.rawValue,
            isRetriable: true
        )
    }

    /// The first retained offset and the offset of the next message of a partition, from the broker.
    /// Blocks up to `timeout`.
    func watermarks(topic: String, partition: Int32, timeout: Duration) throws(KafkaError) -> (low: Int64, high: Int64)
    {
        var low: Int64 = 0
        var high: Int64 = 0
        let result = withHandle { handle in
            rd_kafka_query_watermark_offsets(
                handle, topic, partition, &low, &high, Int32(clamping: timeout.milliseconds))
        }
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.response(result, "cannot read where \(topic)[\(partition)] ends")
        }
        return (low, high)
    }
}
