/// Settings every Kafka client shares: where the cluster is, who the client is, and raw librdkafka properties.
///
/// Typed settings carry Courtesy's defaults; ``properties`` passes any librdkafka property through as it is
/// (SASL, SSL, compression, acks...) and wins over a typed setting it names. Everything is checked by
/// librdkafka itself when a client is created, so an unknown property or an invalid value fails at start-up
/// with a message that names it.
package struct KafkaConfiguration: Sendable, Equatable {
    /// `host:port[,host:port...]` of one or more brokers to bootstrap from.
    package var bootstrapServers: String
    /// The `client.id` brokers see in their logs and quotas.
    package var clientID: String
    /// How often librdkafka reports statistics (lag, queue depth, round-trip times) as metrics; `nil` turns them off.
    package var statisticsInterval: Duration?
    /// Raw librdkafka properties, applied after the typed settings.
    package var properties: [String: String]
    /// Raw librdkafka properties for consumers and topic readers only, applied after ``properties``: fetch
    /// settings, which a producer would warn about (CONFWARN) and ignore.
    package var consumerProperties: [String: String] = [:]

    package init(
        bootstrapServers: String,
        clientID: String = "courtesy",
        statisticsInterval: Duration? = .seconds(10),
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.statisticsInterval = statisticsInterval
        self.properties = properties
    }

    /// The properties every client gets, before its role's own.
    var baseProperties: [(String, String)] {
        var result = [
            ("bootstrap.servers", bootstrapServers),
            ("client.id", clientID),
        ]
        if let statisticsInterval {
            result.append(("statistics.interval.ms", String(statisticsInterval.milliseconds)))
        }
        return result
    }

    /// Applies the pass-through properties over `typed`, refusing those the adapter must own to keep its guarantees.
    /// With `consumer`, ``consumerProperties`` come last.
    func merged(_ typed: [(String, String)], reserved: [String: String], consumer: Bool = false) throws(KafkaError)
        -> [(String, String)]
    {
        let own = consumer ? consumerProperties : [:]
        for key in (Array(properties.keys) + Array(own.keys)).sorted() {
            if let reason = reserved[key] {
                throw .configuration("Kafka property \"\(key)\" cannot be set: \(reason)")
            }
        }
        let passed = properties.sorted { $0.key < $1.key } + own.sorted { $0.key < $1.key }
        return baseProperties + typed + passed.map { ($0.key, $0.value) }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down: librdkafka's unit for time.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

extension KafkaConfiguration {
    /// Checks every property with librdkafka without creating a client.
    ///
    /// - Throws: ``KafkaError`` naming the first property librdkafka refuses.
    package func validate() throws(KafkaError) {
        try RDKafkaConfig.validate(merged([], reserved: [:]))
    }

    /// Parses `KEY=VALUE` pairs, as given on a command line, into properties.
    package static func parseProperties(_ pairs: [String]) throws(KafkaError) -> [String: String] {
        var properties: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw .configuration("a Kafka property must look like KEY=VALUE, not \"\(pair)\"")
            }
            properties[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return properties
    }
}
