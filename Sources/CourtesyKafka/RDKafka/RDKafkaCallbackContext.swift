import CRdKafka
import CourtesyLocking
import Logging

/// What librdkafka's C callbacks reach through their opaque pointer.
///
/// A client keeps its context alive for as long as its handle exists, so the unretained pointer given to
/// librdkafka stays valid. Callbacks only buffer or record; Swift code drains the buffers on its own thread.
final class RDKafkaCallbackContext: Sendable {
    let logger: Logger
    let statistics: KafkaStatistics
    /// The producer's delivery reports, filled by the delivery callback during `rd_kafka_poll`.
    let deliveryReports = PollThreadBuffer<DeliveryReport>()
    /// The consumer's acknowledgement state and flow control, which rebalances consult.
    let consumer: ConsumerGroupState?
    private let fatal: Locked<KafkaError?>

    init(logger: Logger, statistics: KafkaStatistics, consumer: ConsumerGroupState? = nil) {
        self.logger = logger
        self.statistics = statistics
        self.consumer = consumer
        self.fatal = Locked(nil)
    }

    /// The fatal error the client raised, if any; once set, the client is unusable.
    var fatalError: KafkaError? { fatal.withLock { $0 } }

    func recordFatal(_ error: KafkaError) {
        fatal.withLock { current in
            if current == nil { current = error }
        }
    }

    func recordError(_ code: rd_kafka_resp_err_t, reason: String) {
        if code == RD_KAFKA_RESP_ERR__FATAL {
            recordFatal(KafkaError(kind: .fatal, message: "fatal Kafka error: \(reason)", code: code.rawValue))
            logger.critical("Kafka client cannot continue", metadata: ["reason": "\(reason)"])
        } else {
            // Transport failures are already in librdkafka's own log lines; repeating them helps nobody.
            let level: Logger.Level = code == RD_KAFKA_RESP_ERR__TRANSPORT ? .debug : .warning
            let name = String(cString: rd_kafka_err2name(code))
            logger.log(level: level, "Kafka client error", metadata: ["error": "\(name)", "reason": "\(reason)"])
        }
    }
}
