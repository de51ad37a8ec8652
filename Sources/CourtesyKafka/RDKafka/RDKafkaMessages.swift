import CRdKafka

/// Turns librdkafka's consumed messages into ``KafkaMessage`` values.
enum RDKafkaMessages {
    /// Converts a batch of librdkafka messages. Keys and values are copied into one buffer that the batch's
    /// messages share as slices: one allocation per batch instead of one or two per message.
    static func convert(
        _ fetched: [UnsafeMutablePointer<rd_kafka_message_t>],
        topicNames: inout [OpaquePointer: String]
    ) -> [KafkaMessage] {
        guard !fetched.isEmpty else { return [] }
        let total = fetched.reduce(0) { $0 + $1.pointee.len + ($1.pointee.key == nil ? 0 : $1.pointee.key_len) }
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { typed, initialized in
            let buffer = UnsafeMutableRawBufferPointer(typed)
            var position = 0
            for raw in fetched {
                let fields = raw.pointee
                if let payload = fields.payload, fields.len > 0 {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + fields.len])
                        .copyMemory(from: UnsafeRawBufferPointer(start: payload, count: fields.len))
                    position += fields.len
                }
                if let key = fields.key, fields.key_len > 0 {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + fields.key_len])
                        .copyMemory(from: UnsafeRawBufferPointer(start: key, count: fields.key_len))
                    position += fields.key_len
                }
            }
            initialized = position
        }
        var messages: [KafkaMessage] = []
        messages.reserveCapacity(fetched.count)
        var position = 0
        for raw in fetched {
            let fields = raw.pointee
            let topic: String
            if let rkt = fields.rkt {
                if let name = topicNames[rkt] {
                    topic = name
                } else {
                    topic = String(cString: rd_kafka_topic_name(rkt))
                    topicNames[rkt] = topic
                }
            } else {
                topic = ""
            }
            let valueLength = fields.payload == nil ? 0 : fields.len
            let value = bytes[position..<position + valueLength]
            position += valueLength
            var key: ArraySlice<UInt8>?
            if fields.key != nil {
                key = bytes[position..<position + fields.key_len]
                position += fields.key_len
            }
            var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
            let timestamp = rd_kafka_message_timestamp(raw, &timestampType)
            messages.append(
                KafkaMessage(
                    topic: topic,
                    partition: fields.partition,
                    offset: fields.offset,
                    key: key,
                    value: value,
                    headers: RDKafkaHeaders.read(raw),
                    timestamp: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp
                )
            )
        }
        return messages
    }
}
