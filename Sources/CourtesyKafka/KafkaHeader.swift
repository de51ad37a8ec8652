/// One Kafka record header.
package struct KafkaHeader: Sendable, Hashable {
    package var key: String
    package var value: [UInt8]?

    package init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }

    package init(key: String, value: String) {
        self.key = key
        self.value = Array(value.utf8)
    }
}
