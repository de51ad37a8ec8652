import CRdKafka

/// Builds an `rd_kafka_conf_t` from properties, naming the first one librdkafka refuses.
package enum RDKafkaConfig {
    /// Returns a new configuration handle; the caller owns it until `rd_kafka_new` takes it.
    package static func make(_ properties: [(String, String)]) throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw .configuration("librdkafka could not allocate a configuration")
        }
        for (key, value) in properties {
            var errorText = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                let reason = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let what =
                    result == RD_KAFKA_CONF_UNKNOWN ? "unknown Kafka property" : "invalid value for Kafka property"
                throw .configuration("\(what) \"\(key)\": \(reason)")
            }
        }
        return conf
    }

    /// Checks properties against librdkafka without creating a client.
    static func validate(_ properties: [(String, String)]) throws(KafkaError) {
        rd_kafka_conf_destroy(try make(properties))
    }
}
