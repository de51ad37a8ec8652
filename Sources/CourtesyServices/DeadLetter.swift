import CourtesyCore
import CourtesyKafka
import Crypto

/// A mention the responder could not draft, as it goes to the dead-letter topic: the original key and
/// bytes with headers saying why and where from, or, when they would not fit in one message, a prefix of
/// them with their size and SHA-256.
///
/// A record the broker accepted on the mentions topic can be larger than the producer or the dead-letter
/// topic accepts (a topic's limit can be raised, and the dead letter's headers come on top). Copying it
/// as it is would fail, and the mention could then never be acknowledged: every responder that owned its
/// partition would stop at it. So a dead letter is summarised when it would not fit in `maxBytes`, and
/// again when the broker refuses it as too large (``summarised()``).
struct DeadLetter: Sendable {
    /// How much of the original value, and of an oversized key, a summarised dead letter keeps.
    static let prefixBytes = 4_096
    /// Room left for the record's own framing, on top of the key, value and headers.
    static let framingBytes = 512

    /// The message to produce.
    private(set) var message: KafkaProducerMessage
    /// Whether the value is a prefix of the original rather than the original.
    private(set) var isSummarised: Bool
    /// Whether its mention's contact was remembered, so that a state write goes with it: a dead letter sent
    /// for a draft too large to send. Its mention is acknowledged once both are.
    var hasStateWrite = false

    /// The dead letter of `original`, refused for `error`, within `maxBytes` (key, value and headers).
    init(of original: KafkaMessage, error: ResponderError, topic: String, maxBytes: Int) {
        var headers = [
            KafkaHeader(key: DeadLetterHeader.reason, value: error.reason.rawValue),
            KafkaHeader(key: DeadLetterHeader.message, value: String(error.message.prefix(1_000))),
            KafkaHeader(key: DeadLetterHeader.sourceTopic, value: original.topic),
            KafkaHeader(key: DeadLetterHeader.sourcePartition, value: String(original.partition)),
            KafkaHeader(key: DeadLetterHeader.sourceOffset, value: String(original.offset)),
            KafkaHeader(key: DeadLetterHeader.service, value: "responder"),
        ]
        if let field = error.field {
            headers.append(KafkaHeader(key: DeadLetterHeader.field, value: String(field.prefix(200))))
        }
        message = KafkaProducerMessage(
            topic: topic, key: original.key.map(Array.init), value: Array(original.value), headers: headers)
        isSummarised = false
        if Self.size(of: message) > maxBytes {
            summarise()
        }
    }

    /// The same dead letter summarised, or `nil` when it already is: for when the broker refused it as
    /// too large.
    func summarised() -> DeadLetter? {
        guard !isSummarised else { return nil }
        var letter = self
        letter.summarise()
        return letter
    }

    /// Keeps a prefix of the value (and of a key longer than the prefix), with the size and SHA-256 of each.
    private mutating func summarise() {
        if let key = message.key, key.count > Self.prefixBytes {
            message.headers.append(KafkaHeader(key: DeadLetterHeader.originalKeySize, value: String(key.count)))
            message.headers.append(KafkaHeader(key: DeadLetterHeader.originalKeySHA256, value: Self.sha256(key)))
            message.key = Array(key.prefix(Self.prefixBytes))
        }
        let value = message.value
        message.headers.append(KafkaHeader(key: DeadLetterHeader.originalSize, value: String(value.count)))
        message.headers.append(KafkaHeader(key: DeadLetterHeader.originalSHA256, value: Self.sha256(value)))
        message.headers.append(KafkaHeader(key: DeadLetterHeader.truncated, value: "true"))
        message.value = Array(value.prefix(Self.prefixBytes))
        isSummarised = true
    }

    /// The bytes `message` takes towards a producer's `message.max.bytes`, framing included.
    static func size(of message: KafkaProducerMessage) -> Int {
        let headers = message.headers.reduce(0) { $0 + $1.key.utf8.count + ($1.value?.count ?? 0) + 8 }
        return (message.key?.count ?? 0) + message.value.count + headers + framingBytes
    }

    /// Lower-case hex of the SHA-256 of `bytes`.
    static func sha256(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
