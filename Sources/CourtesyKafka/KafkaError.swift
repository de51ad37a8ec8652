import CRdKafka

/// Everything that can go wrong in the Kafka adapter.
///
/// Callers decide what to do from ``isRetriable`` and ``isFatal``; the message names what went wrong
/// (the property, the topic, the broker) so it can be shown to an operator as it is.
package struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    package enum Kind: Sendable, Equatable {
        /// A configuration property is unknown or has an invalid value.
        case configuration
        /// The cluster could not be reached or did not answer in time.
        case connection
        /// The client's local queue is full; retry once deliveries have drained it.
        case queueFull
        /// The broker or the client rejected a message or a request.
        case broker
        /// The client cannot continue (for example an idempotent producer's fatal error); recreate it.
        case fatal
        /// The client has been shut down.
        case shutDown
        /// The embedded broker could not do what was asked.
        case embeddedBroker
        /// The cluster does not support the request (librdkafka 2.0.2's embedded broker has no admin API).
        case unsupported
    }

    /// What kind of failure this is.
    package let kind: Kind
    /// librdkafka's error code, when the failure came from it.
    package let code: Int32?
    /// A sentence an operator can act on.
    package let message: String
    /// Whether the same operation may succeed if tried again.
    package let isRetriable: Bool

    /// Whether the client that raised this error can no longer be used.
    package var isFatal: Bool { kind == .fatal || kind == .shutDown }

    /// Whether the message was refused for its size, by the producer or the broker: sending it again
    /// as it is fails the same way.
    package var isMessageTooLarge: Bool { code == KafkaErrorCode.messageTooLarge.rawValue }

    package init(kind: Kind, message: String, code: Int32? = nil, isRetriable: Bool = false) {
        self.kind = kind
        self.message = message
        self.code = code
        self.isRetriable = isRetriable
    }

    package var description: String {
        if let code, let name = String(validatingCString: rd_kafka_err2name(rd_kafka_resp_err_t(code))) {
            return "\(message) (\(name))"
        }
        return message
    }
}

extension KafkaError {
    static func configuration(_ message: String) -> KafkaError {
        KafkaError(kind: .configuration, message: message)
    }

    static let shutDown = KafkaError(kind: .shutDown, message: "the Kafka client has been shut down")

    /// Wraps a response code that librdkafka returned directly.
    static func response(_ code: rd_kafka_resp_err_t, _ context: String) -> KafkaError {
        let reason = String(cString: rd_kafka_err2str(code))
        let kind: Kind =
            switch code {
            case RD_KAFKA_RESP_ERR__QUEUE_FULL: .queueFull
            case RD_KAFKA_RESP_ERR__FATAL: .fatal
            case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__RESOLVE,
                RD_KAFKA_RESP_ERR__TIMED_OUT:
                .connection
            default: .broker
            }
        return KafkaError(
            kind: kind,
            message: "\(context): \(reason)",
            code: code.rawValue,
            isRetriable: kind == .queueFull || kind == .connection || Self.isRetriableBrokerCode(code)
        )
    }

    /// Takes ownership of an `rd_kafka_error_t` returned by librdkafka and destroys it.
    static func consuming(_ error: OpaquePointer, _ context: String) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        let code = rd_kafka_error_code(error)
        let reason = rd_kafka_error_string(error).map { String(cString: $0) } ?? "unknown error"
        let fatal = rd_kafka_error_is_fatal(error) != 0
        let kind: Kind = fatal ? .fatal : (code == RD_KAFKA_RESP_ERR__QUEUE_FULL ? .queueFull : .broker)
        return KafkaError(
            kind: kind,
            message: "\(context): \(reason)",
            code: code.rawValue,
            isRetriable: !fatal && (rd_kafka_error_is_retriable(error) != 0 || kind == .queueFull)
        )
    }

    private static func isRetriableBrokerCode(_ code: rd_kafka_resp_err_t) -> Bool {
        switch code {
        case RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
            RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT,
            RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION:
            true
        default:
            false
        }
    }
}
